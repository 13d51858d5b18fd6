// One adaptive token bucket shared by every listing call of a sync, so thousands of accounts never turn into
// thousands of simultaneous requests. The rate adapts to what the portal allows (AIMD, as TCP does):
//   - slow start: until the first throttle, the rate doubles for each second's worth of successes;
//   - after a throttle it creeps up by `creepRps` per second's worth of successes;
//   - each throttle multiplies the rate by `decrease`, but only once per "round": a 429 for a request that was
//     admitted before the last decrease says nothing new (the epoch on its ticket is old);
//   - a Retry-After pauses every caller until then.
// Pure apart from the clock, which is passed in: reserve() tells the caller how long to wait, it never sleeps.

/** Tuning for AdaptiveRateLimiter; the defaults suit the Identity Center portal (about 20 requests/s per user). */
export interface RateLimiterOptions {
  /** Requests per second at the start (default 15). */
  initialRps?: number;
  /** Never slower than this (default 1). */
  minRps?: number;
  /** Never faster than this (default 100). */
  maxRps?: number;
  /** Requests that may go at once after an idle spell (default 10). */
  burst?: number;
  /** Rate multiplier on a throttle (default 0.8). */
  decrease?: number;
  /** After the first throttle: requests/s added per second of successful calls (default 1). */
  creepRps?: number;
}

/** Permission to send one request: wait `delayMs`, then send; hand `epoch` back on a throttle. */
export interface RateTicket {
  delayMs: number;
  epoch: number;
}

/** A token bucket whose rate adapts to throttling. Create one per sync and share it between workers. */
export class AdaptiveRateLimiter {
  private rps: number;
  private readonly min: number;
  private readonly max: number;
  private readonly burst: number;
  private readonly decrease: number;
  private readonly creep: number;
  private tokens: number;
  /** Tokens accrue from this time on; later than now while paused by a Retry-After. */
  private last: number;
  private slowStart = true;
  private currentEpoch = 0;
  private throttles = 0;

  constructor(o: RateLimiterOptions, private readonly now: () => number) {
    this.min = positive(o.minRps, 1, 'minRps');
    this.max = Math.max(this.min, positive(o.maxRps, 100, 'maxRps'));
    this.rps = clamp(positive(o.initialRps, 15, 'initialRps'), this.min, this.max);
    this.burst = Math.max(1, positive(o.burst, 10, 'burst'));
    this.decrease = positive(o.decrease, 0.8, 'decrease');
    if (this.decrease >= 1) throw new RangeError('decrease must be below 1');
    this.creep = positive(o.creepRps, 1, 'creepRps');
    this.tokens = this.burst;
    this.last = now();
  }

  /** The current rate in requests per second. */
  get rate(): number {
    return this.rps;
  }

  /** How many throttles changed the rate so far. */
  get decreases(): number {
    return this.currentEpoch;
  }

  /** How many throttles were reported (including those in a round that had already backed off). */
  get throttled(): number {
    return this.throttles;
  }

  /** Books the next slot: the caller waits `delayMs` before sending. Callers are spaced 1/rate apart. */
  reserve(): RateTicket {
    const t = this.now();
    if (t > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rps);
      this.last = t;
    }
    this.tokens -= 1;
    const debt = this.tokens < 0 ? (-this.tokens / this.rps) * 1000 : 0;
    return { delayMs: Math.max(0, this.last - t) + debt, epoch: this.currentEpoch };
  }

  /** A call admitted by this limiter succeeded: speed up a little. */
  onSuccess(): void {
    this.rps = Math.min(this.max, this.slowStart ? this.rps * 2 ** (1 / this.rps) : this.rps + this.creep / this.rps);
  }

  /**
   * A call was throttled (HTTP 429). Slows down once per round, drops any saved-up burst, and pauses every caller
   * for `retryAfterMs` when the service said so. Returns true when the rate was lowered.
   */
  onThrottle(ticketEpoch: number, retryAfterMs?: number): boolean {
    this.throttles++;
    this.slowStart = false;
    const t = this.now();
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      if (t > this.last) this.last = t;
      this.last = Math.max(this.last, t + retryAfterMs);
    }
    if (ticketEpoch !== this.currentEpoch) return false;
    this.currentEpoch++;
    this.rps = Math.max(this.min, this.rps * this.decrease);
    this.tokens = Math.min(this.tokens, 0);
    return true;
  }
}

function positive(v: number | undefined, fallback: number, name: string): number {
  if (v === undefined) return fallback;
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number`);
  return v;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
