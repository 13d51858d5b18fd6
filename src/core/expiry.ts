// Time windows in one place. Role credentials are reused only with more than 15 minutes left: botocore
// re-runs credential_process on every use below 10 minutes, and the AWS CLI's own cache uses 15.

export const ROLE_CREDENTIAL_REFRESH_WINDOW_MS = 15 * 60_000;
/** The access token is refreshed within this window, like botocore's advisory window. */
export const TOKEN_REFRESH_WINDOW_MS = 15 * 60_000;
/** A client registration is renewed this long before it expires (the AWS CLI does the same). */
export const REGISTRATION_RENEW_WINDOW_MS = 15 * 60_000;
/** A browser or device-code sign-in is abandoned after this long (the AWS CLI waits 10 minutes too). */
export const LOGIN_TIMEOUT_MS = 10 * 60_000;

/** True while `expiresAt` is more than `windowMs` after `now`. Unparseable dates are never fresh. */
export function isFresh(expiresAt: string | number | undefined, now: number, windowMs: number): boolean {
  if (expiresAt === undefined) return false;
  const t = typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt);
  return Number.isFinite(t) && t - now > windowMs;
}

/** True once `expiresAt` has passed. */
export function isExpired(expiresAt: string | number | undefined, now: number): boolean {
  return !isFresh(expiresAt, now, 0);
}

/** RFC 3339 UTC with a Z and no milliseconds (`2025-01-01T12:00:00Z`), the form every SDK and the AWS CLI read. */
export function toRfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** "2h 5m", "45s": for humans only. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h ${m % 60}m` : `${h}h`;
}
