import { TokenBucket } from './token-bucket.js';

/** Share of WHATSAPP_MAX_MPS we send at most in any second: the rest absorbs network jitter before Meta counts. */
export const THROUGHPUT_SHARE = 0.98;
/** Sends a busy moment may catch up on at once, in seconds of the limit. */
const BURST_SECONDS = 0.05;

/** At most `limit` events in any window of `windowMs`: it remembers the times of the last `limit` events. */
export class SlidingWindowLimit {
  private readonly times: Float64Array;
  private oldest = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs = 1000,
  ) {
    this.times = new Float64Array(Math.max(1, limit)).fill(Number.NEGATIVE_INFINITY);
  }

  /** How many events may happen now, counting at most up to `atMost`. */
  available(now: number, atMost: number): number {
    let free = 0;
    while (free < Math.min(atMost, this.times.length) && (this.times[(this.oldest + free) % this.times.length] ?? 0) <= now - this.windowMs) free += 1;
    return free;
  }

  /** Ms until the next event may happen; 0: now. */
  waitTime(now: number): number {
    return Math.max(0, Math.ceil((this.times[this.oldest] ?? 0) + this.windowMs - now));
  }

  record(now: number): void {
    this.times[this.oldest] = now;
    this.oldest = (this.oldest + 1) % this.times.length;
  }
}

/**
 * The number's throughput: a token bucket paces sends evenly (with a short burst to catch up after a busy moment),
 * and a sliding window guarantees that no second ever carries more than THROUGHPUT_SHARE of the limit.
 */
export class ThroughputLimit {
  private readonly bucket: TokenBucket;
  private readonly window: SlidingWindowLimit;
  private heldUntil = 0;
  /** The most sends that may start at one moment. */
  readonly burst: number;

  constructor(maxMps: number, now: number) {
    this.burst = Math.max(1, Math.ceil(maxMps * BURST_SECONDS));
    this.bucket = new TokenBucket(maxMps, this.burst, now);
    this.window = new SlidingWindowLimit(Math.max(1, Math.floor(maxMps * THROUGHPUT_SHARE)));
  }

  available(now: number): number {
    if (now < this.heldUntil) return 0;
    const tokens = this.bucket.available(now);
    return tokens === 0 ? 0 : this.window.available(now, tokens);
  }

  /** Takes a send and returns 0, or returns how many ms until one is allowed (taking nothing). */
  take(now: number): number {
    if (now < this.heldUntil) return Math.ceil(this.heldUntil - now);
    const windowWait = this.window.waitTime(now);
    if (windowWait > 0) return windowWait;
    const bucketWait = this.bucket.take(now);
    if (bucketWait === 0) this.window.record(now);
    return bucketWait;
  }

  /**
   * Meta said the number went too fast (130429): nothing is sent for `holdMs` (Meta counts by the second), then
   * sending resumes at the steady pace, without a burst.
   */
  slowDown(now: number, holdMs = 1_000): void {
    this.heldUntil = Math.max(this.heldUntil, now + holdMs);
    this.bucket.drain(now + holdMs);
  }
}
