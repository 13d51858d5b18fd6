import { openBrowser } from '../sso/browser.js';
import type { LoginUi } from '../sso/device-login.js';
import type { Output } from './output.js';

/** Shows the verification URL and code on stderr (always, even with --quiet) and opens the browser. */
export function terminalLoginUi(out: Output, o: { browser: boolean }): LoginUi {
  return {
    prompt({ verificationUri, verificationUriComplete, userCode }) {
      const url = verificationUriComplete ?? verificationUri;
      out.notice(o.browser ? 'Opening your browser to sign in. If it does not open, visit:' : 'To sign in, open this URL in a browser:');
      out.notice(`  ${out.paint('bold', url)}`);
      if (userCode) out.notice(`and check that it shows the code ${out.paint('bold', userCode)}`);
    },
    async openBrowser(url) {
      const ok = await openBrowser(url);
      if (!ok) out.warn('could not open a browser; open the URL above yourself');
      return ok;
    },
  };
}
