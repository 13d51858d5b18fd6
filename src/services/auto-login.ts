import { readFileSync } from 'node:fs';
import { AwsidcError, loginRequired, UnexpectedError } from '../core/errors.js';
import { isExpired, LOGIN_TIMEOUT_MS } from '../core/expiry.js';
import type { LoginUi } from '../sso/login-ui.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import type { Integration } from '../store/integrations.js';
import { loginFailedMarker, loginLockFile } from '../store/lock-files.js';
import { withLockOrResult } from '../store/lock.js';
import type { Paths } from '../store/paths.js';
import { readToken, tokenPath } from '../store/token-cache.js';
import { localBrowser, type Host } from './choose-flow.js';
import { login } from './login.js';
import { getAccessToken } from './session.js';

export interface SessionTokenOptions {
  /** --auto-login, or `autoLogin` in the integration record. Off by default (RFC 8628 §3.10: no unprompted sign-ins). */
  autoLogin: boolean;
  /** The access token the portal just refused (401), if any. */
  rejected?: string;
  ui: LoginUi;
  host: Host;
  timeoutMs?: number;
}

type Outcome = { token: string } | { failed: true };

/**
 * After an --auto-login sign-in fails (denied, timed out, no browser), no other one starts for this long: the
 * processes that waited for it, and those a tool starts right after, exit 3 instead of each opening a new tab.
 * A successful `awsidc login` lifts it.
 */
export const AUTO_LOGIN_COOLDOWN_MS = 60_000;

function failedSince(file: string, since: number): boolean {
  try {
    const at = (JSON.parse(readFileSync(file, 'utf8')) as { at?: unknown }).at;
    return typeof at === 'number' && at >= since;
  } catch {
    return false;
  }
}

/**
 * The access token for a credential_process call: refreshed silently when possible (getAccessToken); when only a
 * new sign-in helps and auto-login is on, ONE browser sign-in runs under the login lock while every other process
 * waiting on the same integration polls the token file and proceeds when it appears. With no browser to show, or
 * auto-login off, it is LOGIN_REQUIRED at once.
 */
export async function sessionToken(integ: Integration, paths: Paths, o: SessionTokenOptions): Promise<string> {
  try {
    return await getAccessToken(integ, paths, o.rejected === undefined ? {} : { rejected: o.rejected });
  } catch (err) {
    if (!o.autoLogin || !(err instanceof AwsidcError) || err.code !== 'LOGIN_REQUIRED') throw err;
  }
  const browser = localBrowser(o.host);
  if (!browser.available) throw loginRequired(integ.alias, `sign-in is required and --auto-login cannot open a browser here (${browser.why})`);

  const file = tokenPath(paths.ssoCacheDir, integ.ssoSessionName);
  const marker = loginFailedMarker(paths.cacheDir, integ.alias);
  const since = Date.now() - AUTO_LOGIN_COOLDOWN_MS;
  const timeoutMs = o.timeoutMs ?? LOGIN_TIMEOUT_MS;
  // getAccessToken only gives up on a missing, expired or refused token, so any unexpired token other than the
  // refused one was written by a sign-in since, even one that finished before we got here.
  const ready = (): Outcome | undefined => {
    const t = readToken(file);
    if (t && t.startUrl === integ.startUrl && t.accessToken !== o.rejected && !isExpired(t.expiresAt, Date.now())) {
      return { token: t.accessToken };
    }
    return failedSince(marker, since) ? { failed: true } : undefined;
  };
  const outcome = await withLockOrResult<Outcome>(
    loginLockFile(paths.cacheDir, integ.alias),
    ready,
    async () => {
      try {
        await login(integ, paths, o.ui, { force: true, choice: { flow: 'pkce', openBrowser: true, fallbackToDevice: false, why: '--auto-login' }, timeoutMs });
      } catch (err) {
        writeFileAtomic(marker, JSON.stringify({ at: Date.now() }) + '\n');
        if (err instanceof AwsidcError && (err.code === 'LOGIN_FAILED' || err.code === 'LOGIN_TIMEOUT')) {
          throw loginRequired(integ.alias, `the browser sign-in did not complete (${err.message})`);
        }
        throw err;
      }
      const t = readToken(file);
      if (!t) throw new UnexpectedError('the token file is missing right after a successful login');
      return { token: t.accessToken };
    },
    timeoutMs + 60_000,
  );
  if ('failed' in outcome) throw loginRequired(integ.alias, 'a browser sign-in (--auto-login) did not complete in the last minute');
  return outcome.token;
}
