import { opaque } from './ids.js';

// One login: the access tokens issued for it share a refresh token and die together on Logout.
interface Grant {
  clientId: string;
  refreshToken: string | undefined;
  loggedOut: boolean;
}

interface AccessRecord {
  grant: Grant;
  expiresAtMs: number;
}

export interface TokenSet {
  accessToken: string;
  expiresIn: number;
  refreshToken: string | undefined;
}

export interface IssueOptions {
  ttlSeconds: number;
  withRefreshToken: boolean;
}

// Access and refresh tokens issued by CreateToken.
export class TokenStore {
  private access = new Map<string, AccessRecord>();
  private refresh = new Map<string, Grant>();

  issue(clientId: string, nowMs: number, o: IssueOptions): TokenSet {
    const grant: Grant = { clientId, refreshToken: undefined, loggedOut: false };
    if (o.withRefreshToken) this.setRefresh(grant);
    return this.mint(grant, nowMs, o.ttlSeconds);
  }

  // New access token for a live refresh token of this client; undefined = InvalidGrant.
  redeemRefresh(clientId: string, refreshToken: string, nowMs: number, ttlSeconds: number, rotate: boolean): TokenSet | undefined {
    const grant = this.refresh.get(refreshToken);
    if (!grant || grant.loggedOut || grant.clientId !== clientId) return undefined;
    if (rotate) {
      this.refresh.delete(refreshToken);
      this.setRefresh(grant);
    }
    return this.mint(grant, nowMs, ttlSeconds);
  }

  // 'ok' for a known, unexpired, not-logged-out token.
  check(accessToken: string | undefined, nowMs: number): 'ok' | 'invalid' {
    const rec = accessToken === undefined ? undefined : this.access.get(accessToken);
    return rec && !rec.grant.loggedOut && nowMs < rec.expiresAtMs ? 'ok' : 'invalid';
  }

  // Logout kills the whole grant: every access token from it and its refresh token.
  logout(accessToken: string): void {
    const rec = this.access.get(accessToken);
    if (!rec) return;
    rec.grant.loggedOut = true;
    if (rec.grant.refreshToken) this.refresh.delete(rec.grant.refreshToken);
    rec.grant.refreshToken = undefined;
  }

  expireAccessTokens(nowMs: number): void {
    for (const rec of this.access.values()) rec.expiresAtMs = Math.min(rec.expiresAtMs, nowMs);
  }

  revokeRefreshTokens(): void {
    for (const grant of this.refresh.values()) grant.refreshToken = undefined;
    this.refresh.clear();
  }

  private setRefresh(grant: Grant): void {
    grant.refreshToken = opaque('aorA', 96);
    this.refresh.set(grant.refreshToken, grant);
  }

  private mint(grant: Grant, nowMs: number, ttlSeconds: number): TokenSet {
    const accessToken = opaque('aoaA', 96);
    this.access.set(accessToken, { grant, expiresAtMs: nowMs + ttlSeconds * 1000 });
    return { accessToken, expiresIn: ttlSeconds, refreshToken: grant.refreshToken };
  }
}
