import { createHash, timingSafeEqual } from 'node:crypto';
import { opaque } from './ids.js';

const REQUEST_TTL_MS = 10 * 60 * 1000;
const CODE_TTL_MS = 5 * 60 * 1000;

// A validated /authorize request waiting for the user's Approve/Deny click.
export interface AuthRequest {
  id: string;
  clientId: string;
  clientName: string;
  redirectUri: string;
  state: string | undefined;
  challenge: string;
  scopes: string[];
  createdMs: number;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  expiresAtMs: number;
}

// S256 challenge: base64url(sha256(verifier)) without padding (RFC 7636 §4.2).
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// Pending authorization requests and issued, single-use authorization codes.
export class PkceStore {
  private requests = new Map<string, AuthRequest>();
  private codes = new Map<string, AuthCode>();

  addRequest(r: Omit<AuthRequest, 'id'>): AuthRequest {
    const req = { ...r, id: opaque('', 24) };
    this.requests.set(req.id, req);
    return req;
  }

  // Removes and returns the request so one form cannot be submitted twice.
  takeRequest(id: string, nowMs: number): AuthRequest | undefined {
    const r = this.requests.get(id);
    this.requests.delete(id);
    return r && nowMs - r.createdMs < REQUEST_TTL_MS ? r : undefined;
  }

  issueCode(r: Pick<AuthRequest, 'clientId' | 'redirectUri' | 'challenge'>, nowMs: number): string {
    const code = opaque('', 48);
    this.codes.set(code, { clientId: r.clientId, redirectUri: r.redirectUri, challenge: r.challenge, expiresAtMs: nowMs + CODE_TTL_MS });
    return code;
  }

  // True when the code is live and was issued to this client, redirect URI and verifier; the code is spent either way.
  redeem(code: string, clientId: string, redirectUri: string | undefined, verifier: string | undefined, nowMs: number): boolean {
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || nowMs >= c.expiresAtMs || c.clientId !== clientId) return false;
    if (redirectUri !== c.redirectUri) return false;
    if (verifier === undefined || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
    return same(s256(verifier), c.challenge);
  }
}
