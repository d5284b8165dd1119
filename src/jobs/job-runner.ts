import type { Clock } from '../platform/clock.js';
import { errorMessage } from '../platform/errors.js';
import { retryFor } from '../platform/retry-for.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';
import type { Db, Tx } from '../storage/database.js';
import type { JobsRepository } from '../storage/repositories/jobs.repository.js';
import type { Job } from '../storage/schema.js';
import { BacklogStatistics } from './backlog-statistics.js';
import { ClaimLoop } from './claim-loop.js';

export interface JobContext {
  job: Job;
  /** Marks the job done inside the caller's transaction, so its effects and its completion commit together. */
  complete(tx: Tx): Promise<void>;
}

export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

/** Thrown by a handler for a failure that retrying cannot fix. */
export class PermanentJobError extends Error {}

export interface JobRunnerOptions {
  db: Db;
  jobs: JobsRepository;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  handlers: Record<string, JobHandler>;
  concurrency: number;
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
}

/** Runs durable jobs: claims ready ones, runs them concurrently (one at a time per group), retries with backoff. */
export class JobRunner extends ClaimLoop {
  private readonly backlog: BacklogStatistics;

  constructor(private readonly options: JobRunnerOptions) {
    super();
    const { db, jobs, clock, logger } = options;
    this.backlog = new BacklogStatistics({ refresh: () => jobs.refreshPlannerStatistics(db), clock, logger });
  }

  protected async round(): Promise<void> {
    const { concurrency, pollMs = 250 } = this.options;
    const free = concurrency - this.inFlight.size;
    const claimed = this.worthClaiming(free, concurrency) ? await this.claim(free) : [];
    for (const job of claimed) this.track(job.id, () => this.execute(job));
    // Claim again only when a job finished or arrived: polling in a tight loop would starve webhook intake.
    await this.wake.wait(pollMs);
  }

  private async claim(limit: number): Promise<Job[]> {
    try {
      const claimed = await this.options.jobs.claim(this.options.db, this.options.clock.now().getTime(), limit, this.options.leaseMs ?? 60_000, this.inFlight);
      void this.backlog.claimed(claimed.length, limit);
      return claimed;
    } catch (error) {
      this.options.logger.error({ err: error }, 'job claim failed');
      return [];
    }
  }

  private async execute(job: Job): Promise<void> {
    const { db, jobs, clock, metrics, logger } = this.options;
    let completed = false;
    const context: JobContext = {
      job,
      complete: async (tx) => {
        await jobs.markDone(tx, job, clock.now().getTime());
        completed = true;
      },
    };
    try {
      const handler = this.options.handlers[job.kind];
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload) as unknown, context);
      if (!completed) await jobs.markDone(db, job, clock.now().getTime());
      metrics.jobsProcessed.inc({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      // Recorded with retries: a job whose failure is lost waits for its lease to end before it runs again.
      const retrying = (e: unknown) => logger.warn({ err: errorMessage(e), jobId: job.id }, 'recording a job failure failed; retrying');
      await retryFor(5_000, () => this.fail(job, error), retrying).catch((e: unknown) => logger.error({ err: e, jobId: job.id }, 'could not record job failure'));
    }
  }

  private async fail(job: Job, error: unknown): Promise<void> {
    const { db, jobs, clock, metrics, logger, maxAttempts = 8 } = this.options;
    const now = clock.now().getTime();
    const message = errorMessage(error);
    if (error instanceof PermanentJobError || job.attempts >= maxAttempts) {
      await jobs.markDead(db, job, message, now);
      metrics.jobsProcessed.inc({ kind: job.kind, outcome: 'dead' });
      logger.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, 'job failed for good');
      return;
    }
    const delay = Math.min(10 * 60_000, 500 * 2 ** (job.attempts - 1)) * (0.5 + Math.random());
    await jobs.scheduleRetry(db, job, now + Math.round(delay), message, now);
    metrics.jobsProcessed.inc({ kind: job.kind, outcome: 'retry' });
    logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error }, 'job failed, will retry');
  }
}
