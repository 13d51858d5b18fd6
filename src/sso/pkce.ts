import { createHash, randomBytes } from 'node:crypto';

// RFC 7636 pieces of the authorization-code login, as the AWS CLI v2 (>= 2.22) builds them (reference §6).

/** The unreserved characters a code verifier may use (RFC 7636 §4.1). */
export const VERIFIER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const CUTOFF = 3 * VERIFIER_ALPHABET.length; // 198: bytes at or above it are skipped, so every character is equally likely

/** A 64-character verifier from [A-Za-z0-9-._~]; `random` is injectable so tests can pin it. */
export function codeVerifier(random: (n: number) => Buffer = randomBytes, length = 64): string {
  let out = '';
  while (out.length < length) {
    for (const b of random(length)) {
      if (b >= CUTOFF) continue;
      out += VERIFIER_ALPHABET[b % VERIFIER_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** S256 challenge: base64url(SHA-256(verifier)) without `=` padding. */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export interface AuthorizeParams {
  clientId: string;
  /** http://127.0.0.1:PORT/oauth/callback */
  redirectUri: string;
  state: string;
  challenge: string;
  scopes: string[];
}

// Python's urlencode (quote_plus): only letters, digits and `_.-~` stay; a space becomes `+`.
function quotePlus(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/**
 * The browser URL: `{oidc base}/authorize?` with the parameters in the AWS CLI's order, `scopes` plural and
 * space-joined, and `code_challenge` appended last, unencoded (it is base64url already), e.g.
 * https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=…&redirect_uri=http%3A%2F%2F127.0.0.1%3A53122%2Foauth%2Fcallback&state=…&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=…
 */
export function authorizeUrl(baseUrl: string, p: AuthorizeParams): string {
  const query: Array<[string, string]> = [
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['state', p.state],
    ['code_challenge_method', 'S256'],
    ['scopes', p.scopes.join(' ')],
  ];
  const qs = query.map(([k, v]) => `${k}=${quotePlus(v)}`).join('&');
  return `${baseUrl.replace(/\/+$/, '')}/authorize?${qs}&code_challenge=${p.challenge}`;
}
