import type { Executor } from '../database.js';
import type { ClosureRow } from '../schema.js';

export interface NewClosure {
  firstDay: string;
  lastDay: string;
  reason: string;
  createdBy: number;
}

/** Attendance closures a coordinator adds; removal only marks the row. */
export class ClosuresRepository {
  async insert(db: Executor, closure: NewClosure, now: number): Promise<ClosureRow> {
    return db
      .insertInto('closures')
      .values({ first_day: closure.firstDay, last_day: closure.lastDay, reason: closure.reason, created_by: closure.createdBy, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Closures not removed that end on or after `fromDay` ("YYYY-MM-DD" compare as text), earliest first. */
  async inForce(db: Executor, fromDay: string): Promise<ClosureRow[]> {
    return db.selectFrom('closures').selectAll().where('removed_at', 'is', null).where('last_day', '>=', fromDay).orderBy('first_day').orderBy('id').execute();
  }

  async byId(db: Executor, id: number): Promise<ClosureRow | undefined> {
    return db.selectFrom('closures').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Marks the closure removed; false when it does not exist or was removed already. */
  async remove(db: Executor, id: number, removedBy: number, now: number): Promise<boolean> {
    const result = await db
      .updateTable('closures')
      .set({ removed_by: removedBy, removed_at: now })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
