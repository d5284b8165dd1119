import { sql } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import { multiRowInsert } from '../multi-row-insert.js';
import { claimLimit, pickedIds, refreshQueueStatistics } from './claim.sql.js';
import type { Job } from '../schema.js';

export interface EnqueueJob {
  kind: string;
  payload: unknown;
  groupKey?: string | null;
  runAt?: number;
}

/** A durable queue on the database: jobs of one group run one at a time, in id order. */
export class JobsRepository {
  private readonly insertJobs;

  constructor(private readonly dialect: Dialect) {
    this.insertJobs = multiRowInsert(dialect, 'jobs', ['kind', 'group_key', 'payload', 'status', 'attempts', 'run_at', 'created_at', 'updated_at']);
  }

  async enqueue(db: Executor, job: EnqueueJob, now: number): Promise<void> {
    await this.enqueueMany(db, [job], now);
  }

  /** Adds jobs in one statement, in the given order (which is their order within a group). */
  async enqueueMany(db: Executor, jobs: EnqueueJob[], now: number): Promise<void> {
    await this.insertJobs(db, jobs.map((job) => [job.kind, job.groupKey ?? null, JSON.stringify(job.payload), 'pending', 0, job.runAt ?? now, now, now]));
  }

  /**
   * Takes up to `limit` ready jobs whose group has nothing earlier still pending or running; `attempts` of each
   * returned job is the number of this attempt. On PostgreSQL the claim is durable (status running, a lease, rows
   * locked with SKIP LOCKED) so several instances never take the same job. SQLite serves a single process, so
   * there the claim is kept in memory by the caller (`inFlight`) and costs no write.
   */
  async claim(db: Executor, now: number, limit: number, leaseMs: number, inFlight: ReadonlySet<number>): Promise<Job[]> {
    let candidates = db
      .selectFrom('jobs as j')
      // In the text, not bound: only then may the plan use the index of pending jobs (migration 2026-11-29-003).
      .where('j.status', '=', sql.lit('pending'))
      .where('j.run_at', '<=', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('jobs as k')
              .select(sql.lit(1).as('one'))
              .whereRef('k.group_key', '=', 'j.group_key')
              .whereRef('k.id', '<', 'j.id')
              .where('k.status', 'in', ['pending', 'running']),
          ),
        ),
      )
      .orderBy('j.id')
      .limit(claimLimit(this.dialect, limit));
    if (this.dialect === 'sqlite') {
      if (inFlight.size > 0) candidates = candidates.where('j.id', 'not in', [...inFlight]);
      const rows = await candidates.selectAll('j').execute();
      return rows.map((row) => ({ ...row, attempts: row.attempts + 1 }));
    }
    return db
      .with('picked', () => candidates.select('j.id').forUpdate().skipLocked())
      .updateTable('jobs')
      .set((eb) => ({ status: 'running', attempts: eb('jobs.attempts', '+', 1), locked_until: now + leaseMs, updated_at: now }))
      .where(pickedIds)
      .where('jobs.status', '=', 'pending')
      .returningAll('jobs')
      .execute()
      .then((rows) => rows.sort((a, b) => a.id - b.id));
  }

  /** Refreshes PostgreSQL's statistics of the jobs, once messages arrive faster than they are answered. */
  async refreshPlannerStatistics(db: Executor): Promise<void> {
    await refreshQueueStatistics(this.dialect, db, 'jobs');
  }

  /** The attempt ends: `job.attempts` (this attempt's number) is recorded with the outcome. */
  async markDone(db: Executor, job: Pick<Job, 'id' | 'attempts'>, now: number): Promise<void> {
    await db.updateTable('jobs').set({ status: 'done', attempts: job.attempts, locked_until: null, updated_at: now }).where('id', '=', job.id).execute();
  }

  async scheduleRetry(db: Executor, job: Pick<Job, 'id' | 'attempts'>, runAt: number, error: string, now: number): Promise<void> {
    await db
      .updateTable('jobs')
      .set({ status: 'pending', attempts: job.attempts, run_at: runAt, locked_until: null, last_error: error.slice(0, 2000), updated_at: now })
      .where('id', '=', job.id)
      .execute();
  }

  async markDead(db: Executor, job: Pick<Job, 'id' | 'attempts'>, error: string, now: number): Promise<void> {
    await db
      .updateTable('jobs')
      .set({ status: 'dead', attempts: job.attempts, locked_until: null, last_error: error.slice(0, 2000), updated_at: now })
      .where('id', '=', job.id)
      .execute();
  }

  /** Jobs whose worker died (lease expired) go back to the queue; their attempt still counts. */
  async releaseExpired(db: Executor, now: number, everything = false): Promise<number> {
    let query = db.updateTable('jobs').set({ status: 'pending', locked_until: null, updated_at: now }).where('status', '=', 'running');
    if (!everything) query = query.where('locked_until', '<', now);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async purgeDone(db: Executor, olderThan: number): Promise<number> {
    const result = await db.deleteFrom('jobs').where('status', '=', 'done').where('updated_at', '<', olderThan).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async countByStatus(db: Executor): Promise<Record<string, number>> {
    const rows = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
