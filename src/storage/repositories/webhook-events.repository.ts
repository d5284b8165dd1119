import type { Executor } from '../database.js';

/** Webhook changes kept as received for later use or inspection (fields we do not act on, unreadable items). */
export class WebhookEventsRepository {
  async keep(db: Executor, field: string, payload: unknown, now: number): Promise<void> {
    await db.insertInto('webhook_events').values({ field, payload: JSON.stringify(payload), received_at: now }).execute();
  }

  async list(db: Executor, field?: string): Promise<Array<{ field: string; payload: unknown }>> {
    let query = db.selectFrom('webhook_events').select(['field', 'payload']).orderBy('id');
    if (field) query = query.where('field', '=', field);
    return (await query.execute()).map((r) => ({ field: r.field, payload: JSON.parse(r.payload) as unknown }));
  }
}
