import { AdaptiveRateLimiter, type RateLimiterOptions } from './rate-limiter.js';
import { classifyFailure, DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry, type RetryPolicy } from './retry.js';

// Sends one portal call through the shared rate limiter, retrying throttles, 5xx and dropped connections.

/** Counts for the sync report: how hard the portal pushed back. */
export interface PaceStats {
  /** Requests sent, retries included. */
  calls: number;
  /** Requests answered with 429. */
  throttled: number;
  /** Requests answered with 5xx or lost to the network. */
  transient: number;
}

/** Everything pacedCall needs; the clock, sleep and randomness are injected so tests need no timers. */
export interface Pace {
  limiter: AdaptiveRateLimiter;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  policy: RetryPolicy;
  stats: PaceStats;
  /** Checked before each attempt: once true, pacedCall throws `stopError()` instead of sending. */
  stopped?: () => boolean;
}

/** A Pace on the real clock. */
export function realPace(o: RateLimiterOptions = {}, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Pace {
  return {
    limiter: new AdaptiveRateLimiter(o, Date.now),
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    policy,
    stats: { calls: 0, throttled: 0, transient: 0 },
  };
}

/** Thrown by pacedCall when the caller stopped the run (another call failed for good). */
export class StoppedError extends Error {
  constructor() {
    super('stopped');
    this.name = 'StoppedError';
  }
}

/** Runs `call` when the limiter allows, retrying what retry.ts calls retryable; rethrows the last error otherwise. */
export async function pacedCall<T>(pace: Pace, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const ticket = pace.limiter.reserve();
    if (ticket.delayMs > 0) await pace.sleep(ticket.delayMs);
    if (pace.stopped?.()) throw new StoppedError();
    pace.stats.calls++;
    try {
      const result = await call();
      pace.limiter.onSuccess();
      return result;
    } catch (err) {
      const failure = classifyFailure(err, pace.now());
      if (failure.kind === 'throttled') {
        pace.stats.throttled++;
        // A Retry-After pauses every caller; a huge one (an hour) is capped like any other wait.
        const pause = failure.retryAfterMs === undefined ? undefined : Math.min(failure.retryAfterMs, pace.policy.maxDelayMs);
        pace.limiter.onThrottle(ticket.epoch, pause);
      } else if (failure.kind === 'transient') {
        pace.stats.transient++;
      }
      // shouldRetry caps the attempts, so this loop is bounded.
      if (!shouldRetry(failure, attempt, pace.policy)) throw err;
      await pace.sleep(retryDelayMs(failure, attempt, pace.random, pace.policy));
    }
  }
}
