// Which failed portal calls are worth repeating, and how long to wait first. Pure: time and randomness are inputs.
// The SDK's own retry is off for listing calls (maxAttempts 1) so that every 429 reaches the rate limiter.

/** What a failed call means for the caller. */
export type CallFailure =
  /** HTTP 429 / TooManyRequestsException: slow down, then try again. */
  | { kind: 'throttled'; retryAfterMs?: number }
  /** 5xx, a reset or refused connection, a timeout: try again after a pause. */
  | { kind: 'transient' }
  /** Anything else (401, 403, 400...): repeating it cannot help. */
  | { kind: 'fatal' };

/** Limits of the retry loop. */
export interface RetryPolicy {
  /** Attempts in all (the first one included) while the service keeps throttling. */
  maxThrottledAttempts: number;
  /** Attempts in all for 5xx and network errors. */
  maxTransientAttempts: number;
  /** First backoff ceiling; doubles per attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this (a Retry-After included). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxThrottledAttempts: 10,
  maxTransientAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 30_000,
};

const THROTTLE_NAMES = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'ThrottledException', 'RequestLimitExceeded', 'SlowDown']);
const TRANSIENT_NAMES = new Set(['InternalServerException', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException', 'RequestTimeout', 'RequestTimeoutException', 'TimeoutError']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET']);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { headers?: Record<string, unknown> };
}

/**
 * Reads a Retry-After header (delta seconds or an HTTP date) into milliseconds from `now`; undefined when absent
 * or unreadable. `Retry-After: 2` gives 2000.
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const s = String(value).trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  if (!/[a-z]/i.test(s)) return undefined;
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function header(e: ErrorShape, name: string): unknown {
  const headers = e.$response?.headers;
  if (!headers || typeof headers !== 'object') return undefined;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** Sorts an SDK or socket error into throttled / transient / fatal, reading Retry-After from the SDK's `$response`. */
export function classifyFailure(err: unknown, now: number): CallFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (status === 429 || THROTTLE_NAMES.has(name)) {
    const retryAfterMs = parseRetryAfter(header(e, 'retry-after'), now);
    return retryAfterMs === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs };
  }
  if (NETWORK_CODES.has(code)) return { kind: 'transient' };
  if (status !== undefined && status >= 500 && status !== 501) return { kind: 'transient' };
  if (TRANSIENT_NAMES.has(name)) return { kind: 'transient' };
  return { kind: 'fatal' };
}

/** Whether attempt number `attempt` (1 = the first call) may be followed by another. */
export function shouldRetry(failure: CallFailure, attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean {
  if (failure.kind === 'throttled') return attempt < policy.maxThrottledAttempts;
  if (failure.kind === 'transient') return attempt < policy.maxTransientAttempts;
  return false;
}

/**
 * How long to wait after attempt number `attempt` failed: "full jitter" (a random share of an exponentially
 * growing ceiling, so retrying clients spread out), and never less than the service's Retry-After.
 */
export function retryDelayMs(failure: CallFailure, attempt: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = Math.floor(random() * ceiling);
  const floor = failure.kind === 'throttled' && failure.retryAfterMs !== undefined ? failure.retryAfterMs : 0;
  return Math.min(policy.maxDelayMs, Math.max(floor, jittered));
}
