import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';

export interface BacklogStatisticsOptions {
  /** Refreshes the planner's statistics of the queue's table (a no-op where the database plans without them). */
  refresh: () => Promise<void>;
  clock: Clock;
  logger: Logger;
  /** The least time between two refreshes while the backlog lasts. */
  intervalMs?: number;
}

/**
 * Keeps the database's picture of a queue true while work piles up. Between bursts PostgreSQL's statistics say
 * almost nothing waits, and with that belief it claims by reading every waiting row and sorting them, which grows
 * with the backlog (a median 23 ms a claim at 1,000 messages a second), instead of walking the index in order and
 * stopping at the limit. Autovacuum corrects them a minute or more later; a claim that comes back full is the
 * first sign, so that is when they are refreshed, at most once per interval and never in the claim's way.
 */
export class BacklogStatistics {
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly options: BacklogStatisticsOptions) {}

  /** Told after each claim; returns the refresh it started, if any (the caller need not wait for it). */
  claimed(count: number, limit: number): Promise<void> | undefined {
    const now = this.options.clock.now().getTime();
    if (limit <= 0 || count < limit || this.refreshing || now - this.refreshedAt < (this.options.intervalMs ?? 10_000)) return undefined;
    this.refreshedAt = now;
    this.refreshing = this.options
      .refresh()
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'refreshing planner statistics of a queue failed'))
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
