import { openBrowser } from '../sso/browser.js';
import type { LoginUi } from '../sso/login-ui.js';

/**
 * The sign-in prompt of `credentials --auto-login`. A credential_process child has no TTY and its stdout belongs to
 * the calling tool, so everything goes to stderr, one line each, and nothing is ever read.
 */
export function autoLoginUi(alias: string, write: (s: string) => void = (s) => void process.stderr.write(s), open = openBrowser): LoginUi {
  return {
    prompt(p) {
      if (p.flow === 'pkce') {
        write(`awsidc: signing in to "${alias}" for a credential_process call (--auto-login); finish in the browser window that opened, or visit ${p.url}\n`);
      } else {
        write(`awsidc: signing in to "${alias}" (--auto-login); open ${p.url}${p.userCode ? ` and check that it shows the code ${p.userCode}` : ''}\n`);
      }
    },
    openBrowser: (url) => open(url),
    note: (line) => write(`awsidc: ${line}\n`),
  };
}
