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

interface Bucket {
  tokens: number;
  at: number;
}

/** Refill `b` for the time since it was last used, then take a token: 0, or ms until one is due. */
function takeFrom(b: Bucket, perSecond: number, burst: number, now: number): number {
  b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
  b.at = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return Math.ceil(((1 - b.tokens) / perSecond) * 1000);
}

/** One connection's own bucket: two numbers, no map (thousands of sockets each hold one). */
export class TokenBucket {
  private readonly bucket: Bucket;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = { tokens: burst, at: now() };
  }

  /** 0 when allowed (and a token is taken); otherwise ms until the next token. */
  take(): number {
    return takeFrom(this.bucket, this.perSecond, this.burst, this.now());
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
    this.buckets.set(key, b);
    return takeFrom(b, this.perSecond, this.burst, now);
  }
}
