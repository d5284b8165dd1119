import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Db, Dialect } from '../storage/database.js';
import type { Leadership } from '../storage/leadership.js';
import type { Repositories } from '../storage/repositories/index.js';
import { dayOf } from '../domain/reports/index.js';
import { redactOldMessages, type RetentionPolicy } from '../domain/retention/index.js';

export interface MaintenanceOptions {
  db: Db;
  dialect: Dialect;
  repos: Repositories;
  /** Among instances sharing the database, only the leader runs maintenance. */
  leadership: Leadership;
  clock: Clock;
  logger: Logger;
  /** How long a send with an unknown outcome waits for a status webhook before it is retried. */
  uncertainGraceMs: number;
  /** The city's timezone: the shards of report counts are folded once their day is over there. */
  timezone: string;
  intervalMs?: number;
  keepDoneJobsMs?: number;
  /** How long message contents are kept (see domain/retention); absent or 0 months: forever. */
  retention?: RetentionPolicy;
}

/**
 * Gives back work whose worker died (expired leases), purges finished jobs and expired sessions and folds the
 * report counts of past days, on one instance at a time (the leader; another takes over if it dies). On start every
 * instance recovers at once: with SQLite only one process serves the file, so anything still marked running
 * belonged to a process that is gone.
 */
export class Maintenance {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: MaintenanceOptions) {}

  async recoverOnStart(): Promise<void> {
    const now = this.o.clock.now().getTime();
    const everything = this.o.dialect === 'sqlite';
    const jobs = await this.o.repos.jobs.releaseExpired(this.o.db, now, everything);
    const outbox = await this.o.repos.outbox.releaseExpired(this.o.db, now, this.o.uncertainGraceMs, everything);
    if (jobs + outbox > 0) this.o.logger.warn({ jobs, outbox }, 'recovered work left unfinished by a previous process');
  }

  async runOnce(): Promise<void> {
    const { db, repos, clock } = this.o;
    const now = clock.now().getTime();
    await repos.jobs.releaseExpired(db, now);
    await repos.outbox.releaseExpired(db, now, this.o.uncertainGraceMs);
    await repos.jobs.purgeDone(db, now - (this.o.keepDoneJobsMs ?? 7 * 24 * 60 * 60 * 1000));
    await repos.sessions.purgeExpired(db, now);
    await repos.pendingSignIns.purgeExpired(db, now);
    await repos.dailyCounts.foldShards(db, dayOf(now, this.o.timezone));
    if (this.o.retention) {
      const redacted = await redactOldMessages(db, repos, this.o.retention, now);
      if (redacted.inbound + redacted.outbound + redacted.handoff > 0) this.o.logger.info({ redacted }, 'old message contents removed (retention policy)');
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      this.runIfLeading().catch((error: unknown) => this.o.logger.error({ err: error }, 'maintenance failed'));
    }, this.o.intervalMs ?? 15_000);
    this.timer.unref();
  }

  /** Runs once if this process leads; returns whether it did. */
  async runIfLeading(): Promise<boolean> {
    if (!(await this.o.leadership.holds())) return false;
    await this.runOnce();
    return true;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.o.leadership.release();
  }
}
