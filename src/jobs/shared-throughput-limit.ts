import type { SharedSendingWindow } from './shared-sending-window.js';
import type { SendingRate, ThroughputLimit } from './throughput-limit.js';

/**
 * The number's throughput when several instances send for it: this process paces its own sends (the local limit)
 * and each send also holds a permit of the window shared through Redis, so all instances together stay under
 * the number's limit. Permits are reserved before claiming, so no claimed row waits for one.
 *
 * When Redis does not answer, sending goes on under the local limit alone: citizens' replies keep flowing, and
 * should the instances together go too fast, Meta's 130429 slows them down (a retried error, nothing lost).
 */
export class SharedThroughputLimit implements SendingRate {
  /** Reserved and not yet used by a send. */
  private permits: string[] = [];
  /** Held by sends being made. Permits are interchangeable: a finished send gives back any one of them. */
  private readonly held: string[] = [];
  private readonly finished: string[] = [];
  private waitUntil = 0;
  private redisAnswered = true;

  constructor(
    private readonly local: ThroughputLimit,
    private readonly shared: SharedSendingWindow,
  ) {}

  get burst(): number {
    return this.local.burst;
  }

  available(now: number): number {
    return now < this.waitUntil ? 0 : this.local.available(now);
  }

  async reserve(count: number, now: number): Promise<{ permitted: number; waitMs: number }> {
    if (now < this.waitUntil) return { permitted: 0, waitMs: this.waitUntil - now };
    const wanted = count - this.permits.length;
    if (wanted <= 0) return { permitted: count, waitMs: 0 };
    const reservation = await this.shared.reserve(wanted);
    this.redisAnswered = reservation !== undefined;
    if (!reservation) return { permitted: count, waitMs: 0 };
    if (reservation.waitMs > 0) this.waitUntil = now + reservation.waitMs;
    this.permits.push(...reservation.granted);
    return { permitted: this.permits.length, waitMs: reservation.waitMs };
  }

  take(now: number): number {
    if (this.redisAnswered && this.permits.length === 0) return Math.max(1, this.waitUntil - now);
    const wait = this.local.take(now);
    const permit = wait === 0 ? this.permits.pop() : undefined;
    if (permit) this.held.push(permit);
    return wait;
  }

  finish(now: number): void {
    this.local.finish(now);
    const permit = this.held.shift();
    if (permit) this.finished.push(permit);
  }

  slowDown(now: number, holdMs = 1_000): void {
    this.local.slowDown(now, holdMs);
    void this.shared.hold(holdMs);
  }

  async settle(): Promise<void> {
    const unused = this.permits.splice(0);
    const finished = this.finished.splice(0);
    await Promise.all([this.shared.finish(unused, 0), this.shared.finish(finished)]);
  }
}
