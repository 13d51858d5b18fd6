import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { classifyFailure, DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs, shouldRetry } from '../../src/sso/retry.js';

const now = Date.parse('2026-01-01T00:00:00Z');

/** An error shaped like the SDK's: name, $metadata, and the non-enumerable $response. */
function sdkError(name: string, status: number | undefined, headers: Record<string, string> = {}): Error {
  const e = Object.assign(new Error(name), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });
  Object.defineProperty(e, '$response', { value: { statusCode: status, headers }, enumerable: false });
  return e;
}

const classify = suite('retry: classifying failures');

classify('should read a 429 as throttled, with Retry-After from the SDK error\'s $response headers', () => {
  assert.equal(classifyFailure(sdkError('TooManyRequestsException', 429, { 'retry-after': '3' }), now), { kind: 'throttled', retryAfterMs: 3000 });
  assert.equal(classifyFailure(sdkError('TooManyRequestsException', 429), now), { kind: 'throttled' });
  assert.equal(classifyFailure(sdkError('ThrottlingException', 400), now), { kind: 'throttled' });
  assert.equal(classifyFailure(sdkError('Unknown', 429, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now), { kind: 'throttled', retryAfterMs: 5000 });
});

classify('should read 5xx and dropped or refused connections as transient', () => {
  assert.equal(classifyFailure(sdkError('InternalServerException', 500), now), { kind: 'transient' });
  assert.equal(classifyFailure(sdkError('ServiceUnavailableException', 503), now), { kind: 'transient' });
  assert.equal(classifyFailure(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }), now), { kind: 'transient' });
  assert.equal(classifyFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), now), { kind: 'transient' });
  assert.equal(classifyFailure(Object.assign(new Error('x'), { code: 'EPIPE' }), now), { kind: 'transient' });
});

classify('should read everything else as fatal', () => {
  for (const e of [sdkError('UnauthorizedException', 401), sdkError('ForbiddenException', 403), sdkError('InvalidRequestException', 400), sdkError('X', 501), new Error('bug'), undefined, 'text']) {
    assert.equal(classifyFailure(e, now), { kind: 'fatal' }, String((e as Error)?.name ?? e));
  }
});

classify('should parse Retry-After seconds and dates, and ignore junk', () => {
  assert.is(parseRetryAfter('2', now), 2000);
  assert.is(parseRetryAfter('0.5', now), 500);
  assert.is(parseRetryAfter(' 7 ', now), 7000);
  assert.is(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now), 0, 'a date in the past means now');
  for (const junk of ['', '-1', 'soon', '1e3', undefined, null, {}]) assert.is(parseRetryAfter(junk, now), undefined, String(junk));
});

classify.run();

const policy = suite('retry: how often and how long');

policy('should cap attempts per kind and never retry fatal errors', () => {
  const p = DEFAULT_RETRY_POLICY;
  assert.ok(shouldRetry({ kind: 'throttled' }, p.maxThrottledAttempts - 1));
  assert.not.ok(shouldRetry({ kind: 'throttled' }, p.maxThrottledAttempts));
  assert.ok(shouldRetry({ kind: 'transient' }, p.maxTransientAttempts - 1));
  assert.not.ok(shouldRetry({ kind: 'transient' }, p.maxTransientAttempts));
  assert.not.ok(shouldRetry({ kind: 'fatal' }, 1));
});

policy('should wait a random share of a doubling ceiling (full jitter), capped', () => {
  const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
  assert.is(retryDelayMs({ kind: 'transient' }, 1, () => 0.999, p), 99);
  assert.is(retryDelayMs({ kind: 'transient' }, 3, () => 0.5, p), 200);
  assert.is(retryDelayMs({ kind: 'transient' }, 3, () => 0, p), 0);
  assert.is(retryDelayMs({ kind: 'transient' }, 50, () => 0.999, p), 999);
});

policy('should never wait less than Retry-After, nor more than the cap', () => {
  const p = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 5000 };
  assert.is(retryDelayMs({ kind: 'throttled', retryAfterMs: 2000 }, 1, () => 0.5, p), 2000);
  assert.is(retryDelayMs({ kind: 'throttled', retryAfterMs: 3_600_000 }, 1, () => 0.5, p), 5000);
});

policy.run();
