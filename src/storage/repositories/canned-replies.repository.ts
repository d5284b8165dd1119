import type { Executor } from '../database.js';
import type { CannedReplyRow } from '../schema.js';

export interface NewCannedReply {
  title: string;
  body: string;
  departmentId: string | null;
  createdBy: number;
}

/** Ready answers coordinators write; removing one only marks it. */
export class CannedRepliesRepository {
  async insert(db: Executor, reply: NewCannedReply, now: number): Promise<CannedReplyRow> {
    return db
      .insertInto('canned_replies')
      .values({ title: reply.title, body: reply.body, department_id: reply.departmentId, created_by: reply.createdBy, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Those for everyone plus, when given, one department's (undefined: every department's). */
  async active(db: Executor, departmentId: string | null | undefined): Promise<CannedReplyRow[]> {
    let select = db.selectFrom('canned_replies').selectAll().where('removed_at', 'is', null);
    if (departmentId !== undefined) select = select.where((eb) => eb.or([eb('department_id', 'is', null), ...(departmentId ? [eb('department_id', '=', departmentId)] : [])]));
    return select.orderBy('title').execute();
  }

  async byId(db: Executor, id: number): Promise<CannedReplyRow | undefined> {
    return db.selectFrom('canned_replies').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  }

  async remove(db: Executor, id: number, now: number): Promise<boolean> {
    const result = await db.updateTable('canned_replies').set({ removed_at: now }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
