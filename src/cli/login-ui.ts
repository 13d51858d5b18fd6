import { openBrowser } from '../sso/browser.js';
import type { LoginUi } from '../sso/login-ui.js';
import type { Output } from './output.js';

/** The sign-in prompt of `awsidc login`/`init`: on stderr, always (even with --quiet), since the person must act on it. */
export function terminalLoginUi(out: Output): LoginUi {
  return {
    prompt(p) {
      if (p.flow === 'pkce') {
        out.notice('Signing in through your browser. If no browser window opened, visit:');
        out.notice(`  ${out.paint('bold', p.url)}`);
        return;
      }
      out.notice(p.opening ? 'Opening your browser to sign in. If it does not open, visit:' : 'To sign in, open this URL in a browser:');
      out.notice(`  ${out.paint('bold', p.url)}`);
      if (p.userCode) out.notice(`and check that it shows the code ${out.paint('bold', p.userCode)}`);
    },
    openBrowser: (url) => openBrowser(url),
    note: (line) => out.notice(line),
  };
}
