import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';

export interface BacklogStatisticsOptions {
  /** Refreshes the planner's statistics of the queue's table (a no-op where the database plans without them). */
  refresh: () => Promise<void>;
  clock: Clock;
  logger: Logger;
  /** The least time between the starts of two refreshes. */
  minIntervalMs?: number;
  /** The share of the time refreshing may take: after a refresh that took `d`, the next waits at least `d / timeShare`. */
  timeShare?: number;
}

/**
 * Keeps the database's picture of a queue true while work piles up. PostgreSQL plans a claim once per connection
 * from the statistics it has, and with statistics of a nearly empty table it picks plans that read every row: a
 * sequential scan inside each claim, 13 to 25 ms a claim once thousands wait at 1,000 messages a second.
 * Autovacuum corrects them a minute or more later. A claim that comes back full is the first sign of a backlog,
 * so that is when they are refreshed, in the background. The first refresh of a burst still sees a small table,
 * so refreshes follow the growth: once a second while analysing is cheap (a small table), less often as it gets
 * dearer. Each refresh also makes every connection plan its statements on the table again, several times, so
 * analysing itself may take only 0.2 % of the time: a refresh that took 20 ms (10,000 jobs) waits 10 s for the next.
 */
export class BacklogStatistics {
  private nextAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly options: BacklogStatisticsOptions) {}

  /** Told after each claim; returns the refresh it started, if any (the caller need not wait for it). */
  claimed(count: number, limit: number): Promise<void> | undefined {
    const { clock, logger, minIntervalMs = 1_000, timeShare = 0.002 } = this.options;
    const startedAt = clock.now().getTime();
    if (limit <= 0 || count < limit || this.refreshing || startedAt < this.nextAt) return undefined;
    this.refreshing = this.options
      .refresh()
      .catch((error: unknown) => logger.warn({ err: error }, 'refreshing planner statistics of a queue failed'))
      .finally(() => {
        this.nextAt = startedAt + Math.max(minIntervalMs, (clock.now().getTime() - startedAt) / timeShare);
        this.refreshing = undefined;
      });
    return this.refreshing;
  }
}
