/** A token bucket: `ratePerSecond` tokens refill continuously up to `capacity`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
  }

  /** Takes a token and returns 0, or returns how many ms until one is available (taking nothing). */
  take(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** Whole tokens available now, without taking any. */
  available(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }

  /** Empties the bucket, e.g. after Meta said we went too fast. */
  drain(now: number): void {
    this.refill(now);
    this.tokens = 0;
  }
}

/** One bucket per key (a citizen); buckets full again are forgotten. */
export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
  ) {}

  private bucket(key: string, now: number): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.ratePerSecond, this.capacity, now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  take(key: string, now: number): number {
    return this.bucket(key, now).take(now);
  }

  drain(key: string, now: number): void {
    this.bucket(key, now).drain(now);
  }

  /** Forgets the buckets that are full again: a new one would behave the same. */
  sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.available(now) >= this.capacity) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
