import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../database.js';
import type { Database, Job, OutboxRow } from '../schema.js';

export type DeadJob = Pick<Job, 'id' | 'kind' | 'group_key' | 'attempts' | 'last_error' | 'created_at' | 'updated_at'>;
export type RejectedSend = Pick<OutboxRow, 'id' | 'recipient' | 'payload' | 'attempts' | 'error_code' | 'error_detail' | 'cause' | 'created_at' | 'updated_at'>;

/** A broadcast's refusals are final and reported with the broadcast; only other refused sends can be retried. */
const refusedOutsideBroadcasts = (eb: ExpressionBuilder<Database, 'outbox'>) =>
  eb.and([eb('state', '=', 'rejected'), eb('idempotency_key', 'not like', 'broadcast:%')]);

/** Work that gave up for good: jobs out of attempts and messages Meta refused, for IT to look at and retry. */
export class FailuresRepository {
  async deadJobs(db: Executor, limit: number): Promise<DeadJob[]> {
    return db
      .selectFrom('jobs')
      .select(['id', 'kind', 'group_key', 'attempts', 'last_error', 'created_at', 'updated_at'])
      .where('status', '=', 'dead')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Refused sends of conversations and notices; a broadcast's failures are its own report, not this list. */
  async rejectedSends(db: Executor, limit: number): Promise<RejectedSend[]> {
    return db
      .selectFrom('outbox')
      .select(['id', 'recipient', 'payload', 'attempts', 'error_code', 'error_detail', 'cause', 'created_at', 'updated_at'])
      .where((eb) => refusedOutsideBroadcasts(eb))
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** A dead job runs again with a fresh set of attempts; false when it is not dead (any more). */
  async reviveJob(db: Executor, id: number, now: number): Promise<boolean> {
    const result = await db.updateTable('jobs').set({ status: 'pending', attempts: 0, run_at: now, locked_until: null, updated_at: now }).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A refused send goes back to the queue; false when it is not refused (any more) or belongs to a broadcast. */
  async requeueSend(db: Executor, id: number, now: number): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ state: 'pending', attempts: 0, next_attempt_at: now, lease_until: null, error_code: null, error_detail: null, updated_at: now })
      .where('id', '=', id)
      .where((eb) => refusedOutsideBroadcasts(eb))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
