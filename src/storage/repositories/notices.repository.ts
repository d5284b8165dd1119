import type { Executor } from '../database.js';
import type { NoticeRow } from '../schema.js';

export interface NewNotice {
  broadcastId: number | null;
  title: string;
  body: string;
  topics: readonly string[];
  publishedAt: number;
  createdBy: number | null;
}

/** Notices of the public page; withdrawing keeps the row, for the record. */
export class NoticesRepository {
  /** The new notice, or undefined when its broadcast was published already. */
  async insert(db: Executor, notice: NewNotice): Promise<NoticeRow | undefined> {
    return db
      .insertInto('notices')
      .values({ broadcast_id: notice.broadcastId, title: notice.title, body: notice.body, topics: JSON.stringify(notice.topics), published_at: notice.publishedAt, created_by: notice.createdBy })
      .onConflict((oc) => oc.column('broadcast_id').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  async byId(db: Executor, id: number): Promise<NoticeRow | undefined> {
    return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Published and not withdrawn, newest first; `topic` keeps those about it; `beforeId` pages back. */
  async published(db: Executor, query: { topic?: string | undefined; beforeId?: number | undefined; limit: number }): Promise<NoticeRow[]> {
    let select = db.selectFrom('notices').selectAll().where('withdrawn_at', 'is', null);
    if (query.topic) select = select.where('topics', 'like', `%${JSON.stringify(query.topic)}%`);
    if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
    return select.orderBy('id', 'desc').limit(query.limit).execute();
  }

  /** Every notice, withdrawn ones included, newest first (for the console). */
  async recent(db: Executor, limit: number): Promise<NoticeRow[]> {
    return db.selectFrom('notices').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }

  /** The time of the newest change to what the page shows (publication or withdrawal), for caches. */
  async lastChange(db: Executor): Promise<number | undefined> {
    const row = await db.selectFrom('notices').select((eb) => [eb.fn.max('published_at').as('published'), eb.fn.max('withdrawn_at').as('withdrawn')]).executeTakeFirst();
    const times = [row?.published, row?.withdrawn].filter((t) => t !== null && t !== undefined).map(Number);
    return times.length > 0 ? Math.max(...times) : undefined;
  }

  async withdraw(db: Executor, id: number, by: number, now: number): Promise<boolean> {
    const result = await db.updateTable('notices').set({ withdrawn_at: now, withdrawn_by: by }).where('id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
