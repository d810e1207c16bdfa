import { BoundedMap } from '../http/ratelimit.ts';

/**
 * Failed attempts per key (an email) in a sliding window: after `max` failures the key is
 * refused until the oldest failure leaves the window. Not a token bucket: only failures
 * count, and a success clears them. Bounded like RateLimiter (same BoundedMap).
 */
export class FailureWindow {
  private readonly failures: BoundedMap<number[]>;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    maxKeys?: number,
  ) {
    this.failures = new BoundedMap(maxKeys);
  }

  /** 0 when the key may try again; otherwise ms until it may. */
  blocked(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.max) return 0;
    return Math.max(1, recent[recent.length - this.max]! + this.windowMs - this.now());
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.set(key, recent.slice(-this.max));
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }
}
