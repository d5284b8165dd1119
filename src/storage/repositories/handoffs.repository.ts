import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { HandoffMessageRow, HandoffRow, HandoffStatus } from '../schema.js';

export interface NewHandoff {
  citizenKey: string;
  departmentId: string | null;
  message: string | null;
  attendanceOpen: boolean;
  urgent: boolean;
}

/** Citizens waiting for a person, and what they wrote while waiting. */
export class HandoffsRepository {
  /**
   * Queues a citizen unless they already wait (a unique partial index allows one handoff that is not closed per
   * citizen); returns undefined when one was already pending.
   */
  async insertIfNoneOpen(db: Executor, handoff: NewHandoff, now: number): Promise<HandoffRow | undefined> {
    return db
      .insertInto('handoffs')
      .values({
        citizen_key: handoff.citizenKey,
        department_id: handoff.departmentId,
        message: handoff.message,
        attendance_open: handoff.attendanceOpen ? 1 : 0,
        urgent: handoff.urgent ? 1 : 0,
        status: 'waiting',
        created_at: now,
        updated_at: now,
      })
      // The predicate is a literal so both dialects match it to the partial unique index.
      .onConflict((oc) => oc.column('citizen_key').where(sql<boolean>`status <> 'closed'`).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  /** The citizen's handoff that is waiting or taken, if any. */
  async pendingFor(db: Executor, citizenKey: string): Promise<HandoffRow | undefined> {
    return db.selectFrom('handoffs').selectAll().where('citizen_key', '=', citizenKey).where('status', '<>', 'closed').executeTakeFirst();
  }

  async byId(db: Executor, id: number): Promise<HandoffRow | undefined> {
    return db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async addMessage(db: Executor, handoffId: number, body: string, now: number): Promise<HandoffMessageRow> {
    const row = await db.insertInto('handoff_messages').values({ handoff_id: handoffId, body, at: now }).returningAll().executeTakeFirstOrThrow();
    await db.updateTable('handoffs').set({ updated_at: now }).where('id', '=', handoffId).execute();
    return row;
  }

  async messages(db: Executor, handoffId: number): Promise<HandoffMessageRow[]> {
    return db.selectFrom('handoff_messages').selectAll().where('handoff_id', '=', handoffId).orderBy('id').execute();
  }

  /** For the console: take (attendant id) or close a handoff. */
  async setStatus(db: Executor, id: number, status: HandoffStatus, now: number, takenBy?: number): Promise<HandoffRow | undefined> {
    return db
      .updateTable('handoffs')
      .set({
        status,
        updated_at: now,
        ...(takenBy !== undefined ? { taken_by: takenBy } : {}),
        ...(status === 'closed' ? { closed_at: now } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }
}
