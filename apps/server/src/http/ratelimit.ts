/**
 * Per-key state that cannot grow without bound: a write makes its key the newest, and the
 * oldest key is forgotten when there are more than `maxKeys`, so a flood of addresses (or
 * emails) cannot grow memory. Shared by every limiter the server keeps per key.
 */
export class BoundedMap<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxKeys = 50_000) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** Token buckets keyed by anything (IP, connection). */
export class RateLimiter {
  private readonly buckets: BoundedMap<{ tokens: number; at: number }>;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    maxKeys?: number,
  ) {
    this.buckets = new BoundedMap(maxKeys);
  }

  /** 0 when allowed (and a token is taken); otherwise ms until the next token. */
  take(key: string): number {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / this.perSecond) * 1000);
  }
}
