import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AdaptiveRateLimiter } from '../../src/sso/rate-limiter.js';

function clock(t = 0) {
  const c = { t, now: () => c.t };
  return c;
}

const pacing = suite('rate limiter: pacing');

pacing('should let a burst through, then space callers 1/rate apart', () => {
  const c = clock();
  const l = new AdaptiveRateLimiter({ initialRps: 10, burst: 2 }, c.now);
  assert.equal([1, 2, 3, 4].map(() => l.reserve().delayMs), [0, 0, 100, 200]);
});

pacing('should refill with time, never beyond the burst', () => {
  const c = clock();
  const l = new AdaptiveRateLimiter({ initialRps: 10, burst: 3 }, c.now);
  for (let i = 0; i < 3; i++) l.reserve();
  c.t += 150; // 1.5 tokens back
  assert.is(l.reserve().delayMs, 0);
  assert.is(Math.round(l.reserve().delayMs), 50);
  c.t += 60_000;
  assert.equal([1, 2, 3, 4].map(() => Math.round(l.reserve().delayMs)), [0, 0, 0, 100]);
});

pacing('should pause every caller for a Retry-After, then continue at the lowered rate', () => {
  const c = clock();
  const l = new AdaptiveRateLimiter({ initialRps: 10, burst: 1 }, c.now);
  const t = l.reserve();
  assert.ok(l.onThrottle(t.epoch, 2000));
  assert.is(l.rate, 8);
  assert.is(l.reserve().delayMs, 2000 + 125);
  c.t += 1000;
  assert.is(l.reserve().delayMs, 1000 + 250);
});

pacing.run();

const adapt = suite('rate limiter: AIMD');

adapt('should double per second of successes until the first throttle (slow start)', () => {
  const l = new AdaptiveRateLimiter({ initialRps: 10 }, clock().now);
  // Successes arriving at the current rate for one second.
  for (let t = 0, i = 0; t < 1 && i < 1000; t += 1 / l.rate, i++) l.onSuccess();
  assert.ok(l.rate > 19 && l.rate < 21.5, String(l.rate));
});

adapt('should lower the rate once per round, ignoring throttles of requests admitted before the decrease', () => {
  const l = new AdaptiveRateLimiter({ initialRps: 20, burst: 5 }, clock().now);
  const a = l.reserve();
  const b = l.reserve();
  assert.ok(l.onThrottle(a.epoch));
  assert.not.ok(l.onThrottle(b.epoch), 'same round');
  assert.is(l.rate, 16);
  const c = l.reserve();
  assert.ok(l.onThrottle(c.epoch), 'a request admitted after the decrease counts');
  assert.is(l.rate, 12.8);
  assert.is(l.decreases, 2);
  assert.is(l.throttled, 3);
});

adapt('should creep up by about creepRps per second of successes after a throttle', () => {
  const l = new AdaptiveRateLimiter({ initialRps: 10, creepRps: 2, decrease: 0.5 }, clock().now);
  l.onThrottle(l.reserve().epoch);
  assert.is(l.rate, 5);
  for (let t = 0, i = 0; t < 1 && i < 1000; t += 1 / l.rate, i++) l.onSuccess();
  assert.ok(l.rate > 6.7 && l.rate < 7.5, String(l.rate));
});

adapt('should stay between minRps and maxRps', () => {
  const c = clock();
  const l = new AdaptiveRateLimiter({ initialRps: 4, minRps: 2, maxRps: 5 }, c.now);
  for (let i = 0; i < 100; i++) l.onSuccess();
  assert.is(l.rate, 5);
  for (let i = 0; i < 10; i++) l.onThrottle(l.reserve().epoch);
  assert.is(l.rate, 2);
  assert.is(new AdaptiveRateLimiter({ initialRps: 500, maxRps: 50 }, c.now).rate, 50);
});

adapt('should refuse nonsense options', () => {
  for (const o of [{ initialRps: 0 }, { burst: -1 }, { decrease: 1 }, { creepRps: Number.NaN }]) {
    assert.throws(() => new AdaptiveRateLimiter(o, () => 0), RangeError, JSON.stringify(o));
  }
});

adapt.run();
