import type { Context } from './context.js';
import { formParams, json, redirect, text, type Incoming, type Reply } from './http.js';
import { opaque } from './ids.js';

// Real sign-in tokens are good for 15 minutes.
const SIGNIN_TOKEN_TTL_MS = 15 * 60 * 1000;

// Sign-in tokens minted by getSigninToken, redeemable by Action=login.
export class SigninTokenStore {
  private tokens = new Map<string, { accessKeyId: string; expiresAtMs: number }>();

  issue(accessKeyId: string, nowMs: number): string {
    const token = opaque('', 180);
    this.tokens.set(token, { accessKeyId, expiresAtMs: nowMs + SIGNIN_TOKEN_TTL_MS });
    return token;
  }

  valid(token: string, nowMs: number): boolean {
    const t = this.tokens.get(token);
    return t !== undefined && nowMs < t.expiresAtMs;
  }
}

// Which counter a /federation request belongs to.
export function federationOp(inc: Incoming): 'GetSigninToken' | 'Login' | undefined {
  const action = formParams(inc).get('Action')?.toLowerCase();
  return action === 'getsignintoken' ? 'GetSigninToken' : action === 'login' ? 'Login' : undefined;
}

function parseSession(raw: string | null): { sessionId: string; sessionKey: string; sessionToken: string } | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const { sessionId, sessionKey, sessionToken } = v;
    if (typeof sessionId === 'string' && typeof sessionKey === 'string' && typeof sessionToken === 'string') {
      return { sessionId, sessionKey, sessionToken };
    }
  } catch {
    // fall through: malformed Session is a 400 like any other bad input
  }
  return undefined;
}

// GET|POST /federation: Action=getSigninToken returns {"SigninToken"}; Action=login redirects to Destination.
export function federation(ctx: Context, inc: Incoming): Reply {
  const p = formParams(inc);
  const op = federationOp(inc);
  const now = ctx.now();
  if (op === 'GetSigninToken') {
    const s = parseSession(p.get('Session'));
    if (!s) return text(400, 'Session must be JSON with sessionId, sessionKey and sessionToken');
    const duration = p.get('SessionDuration');
    if (duration !== null && !(/^\d+$/.test(duration) && Number(duration) >= 900 && Number(duration) <= 43200)) {
      return text(400, 'SessionDuration must be an integer from 900 to 43200');
    }
    const key = ctx.keys.get(s.sessionId);
    if (!key || key.secretAccessKey !== s.sessionKey || key.sessionToken !== s.sessionToken || now >= key.expirationMs) {
      return text(400, 'The credentials in the Session parameter are invalid or expired');
    }
    return json(200, { SigninToken: ctx.signin.issue(key.accessKeyId, now) });
  }
  if (op === 'Login') {
    const token = p.get('SigninToken') ?? '';
    const destination = p.get('Destination') ?? '';
    let dest: URL | undefined;
    try {
      dest = new URL(destination);
    } catch {
      dest = undefined;
    }
    if (!dest || !['https:', 'http:'].includes(dest.protocol)) return text(400, 'Destination must be an absolute http(s) URL');
    if (!ctx.signin.valid(token, now)) return text(400, 'SigninToken is invalid or expired');
    return redirect(dest.toString());
  }
  return text(400, 'Action must be getSigninToken or login');
}
