import { TokenBucket } from './token-bucket.js';

/** Share of WHATSAPP_MAX_MPS we send at most in any second, as a margin for Meta counting inbound messages too. */
export const THROUGHPUT_SHARE = 0.99;
/** The most sends of the number that may count in any second, across every instance sending for it. */
export const sharedSendingLimit = (maxMps: number): number => Math.max(1, Math.floor(maxMps * THROUGHPUT_SHARE));

/** Sends a busy moment may catch up on at once, in seconds of the limit. */
const BURST_SECONDS = 0.05;

/**
 * At most `limit` sends in any window of `windowMs` as the receiver sees them, whatever the delays on the way or in
 * the receiver: Meta handles a request somewhere between our sending it and our reading its answer, so a send counts
 * from the moment it starts until `windowMs` after its answer came.
 */
export class CausalWindow {
  private inFlight = 0;
  /** When each finished send stops counting, oldest first (a ring of `limit` slots). */
  private readonly expiries: Float64Array;
  private head = 0;
  private finished = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs = 1000,
  ) {
    this.expiries = new Float64Array(Math.max(1, limit));
  }

  private expire(now: number): void {
    while (this.finished > 0 && (this.expiries[this.head] ?? 0) <= now) {
      this.head = (this.head + 1) % this.expiries.length;
      this.finished -= 1;
    }
  }

  available(now: number): number {
    this.expire(now);
    return Math.max(0, this.limit - this.inFlight - this.finished);
  }

  /** Ms until a send may start; 0: now. */
  waitTime(now: number): number {
    if (this.available(now) > 0) return 0;
    return this.finished > 0 ? Math.max(1, Math.ceil((this.expiries[this.head] ?? now) - now)) : 1;
  }

  start(): void {
    this.inFlight += 1;
  }

  finish(now: number): void {
    this.expire(now);
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.expiries[(this.head + this.finished) % this.expiries.length] = now + this.windowMs;
    this.finished = Math.min(this.finished + 1, this.expiries.length);
  }
}

/** How the outbox dispatcher paces the number's sends (here, or shared with other instances: SharedThroughputLimit). */
export interface SendingRate {
  /** The most sends that may start at one moment. */
  readonly burst: number;
  /** How many sends may start now, as far as this process knows. */
  available(now: number): number;
  /** Before claiming up to `count` sends: how many may start (secured against any shared limit), or how long to wait. */
  reserve(count: number, now: number): Promise<{ permitted: number; waitMs: number }>;
  /** Starts a send and returns 0, or returns how many ms until one may start (starting nothing). */
  take(now: number): number;
  /** A send started by `take` has its answer (or gave up waiting for it). */
  finish(now: number): void;
  /** Meta said the number went too fast (130429). */
  slowDown(now: number, holdMs?: number): void;
  /** After a round of sends started: gives back what `reserve` secured and no send used, and reports finished ones. */
  settle(): Promise<void>;
}

/**
 * The number's throughput: a token bucket paces sends evenly (with a short burst to catch up after a busy moment),
 * and a causal window guarantees that Meta never sees more than THROUGHPUT_SHARE of the limit in any second.
 */
export class ThroughputLimit implements SendingRate {
  private readonly bucket: TokenBucket;
  private readonly window: CausalWindow;
  private heldUntil = 0;
  /** The most sends that may start at one moment. */
  readonly burst: number;

  constructor(maxMps: number, now: number) {
    this.burst = Math.max(1, Math.ceil(maxMps * BURST_SECONDS));
    this.bucket = new TokenBucket(maxMps, this.burst, now);
    this.window = new CausalWindow(sharedSendingLimit(maxMps));
  }

  available(now: number): number {
    if (now < this.heldUntil) return 0;
    return Math.min(this.bucket.available(now), this.window.available(now));
  }

  /** This process alone sends for the number: whatever the budget allows. */
  reserve(count: number): Promise<{ permitted: number; waitMs: number }> {
    return Promise.resolve({ permitted: count, waitMs: 0 });
  }

  settle(): Promise<void> {
    return Promise.resolve();
  }

  take(now: number): number {
    if (now < this.heldUntil) return Math.ceil(this.heldUntil - now);
    const windowWait = this.window.waitTime(now);
    if (windowWait > 0) return windowWait;
    const bucketWait = this.bucket.take(now);
    if (bucketWait === 0) this.window.start();
    return bucketWait;
  }

  finish(now: number): void {
    this.window.finish(now);
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
