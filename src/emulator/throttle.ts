// Token bucket shared by all throttled operations: holds up to max(1, rps) tokens, refills `rps` per second.
export class Throttle {
  private rps: number | undefined;
  private tokens = 0;
  private last = 0;

  constructor(
    private readonly now: () => number,
    rps: number | undefined,
  ) {
    this.setRate(rps);
  }

  // A new rate starts with a full bucket, so changing it mid-test gives a clean, predictable window.
  setRate(rps: number | undefined): void {
    this.rps = rps !== undefined && rps > 0 ? rps : undefined;
    this.tokens = this.capacity();
    this.last = this.now();
  }

  private capacity(): number {
    return this.rps === undefined ? 0 : Math.max(1, this.rps);
  }

  // True when the request may proceed; false means answer 429.
  take(): boolean {
    if (this.rps === undefined) return true;
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.last = t;
    this.tokens = Math.min(this.capacity(), this.tokens + elapsed * this.rps);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}
