/** A token bucket: `capacity` tokens, refilled continuously at `refillPerMs`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerMs: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, at - this.updatedAt) * this.refillPerMs);
    this.updatedAt = at;
  }

  hasToken(): boolean {
    this.refill();
    return this.tokens >= 1;
  }

  take(): void {
    this.refill();
    this.tokens -= 1;
  }

  isFull(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }
}

export interface SendLimitersOptions {
  maxMps: number;
  pairBurst: number;
  pairIntervalMs: number;
  now: () => number;
}

export const THROUGHPUT_EXCEEDED = 130429;
export const PAIR_RATE_EXCEEDED = 131056;

/** Meta's two send rates (WHATSAPP.md §5.3, §5.4): per business number, and per (number, recipient) pair. */
export class SendLimiters {
  private readonly number: TokenBucket;
  private readonly pairs = new Map<string, TokenBucket>();

  constructor(private readonly options: SendLimitersOptions) {
    this.number = new TokenBucket(options.maxMps, options.maxMps / 1000, options.now);
  }

  private pair(recipient: string): TokenBucket {
    let bucket = this.pairs.get(recipient);
    if (!bucket) {
      if (this.pairs.size >= 10_000) this.prune();
      bucket = new TokenBucket(this.options.pairBurst, 1 / this.options.pairIntervalMs, this.options.now);
      this.pairs.set(recipient, bucket);
    }
    return bucket;
  }

  private prune(): void {
    for (const [key, bucket] of this.pairs) if (bucket.isFull()) this.pairs.delete(key);
  }

  /** The error code this send would hit, without spending anything. */
  check(recipient: string): number | undefined {
    if (!this.number.hasToken()) return THROUGHPUT_EXCEEDED;
    if (!this.pair(recipient).hasToken()) return PAIR_RATE_EXCEEDED;
    return undefined;
  }

  record(recipient: string): void {
    this.number.take();
    this.pair(recipient).take();
  }
}
