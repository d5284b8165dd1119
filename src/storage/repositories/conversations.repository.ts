import type { Executor } from '../database.js';

/** The conversation engine's state per citizen, stored as JSON. */
export class ConversationsRepository {
  async load(db: Executor, citizenKey: string): Promise<{ state: unknown; updatedAt: number } | undefined> {
    const row = await db.selectFrom('conversations').select(['state', 'updated_at']).where('citizen_key', '=', citizenKey).executeTakeFirst();
    return row ? { state: JSON.parse(row.state) as unknown, updatedAt: row.updated_at } : undefined;
  }

  async save(db: Executor, citizenKey: string, state: unknown, now: number): Promise<void> {
    const json = JSON.stringify(state);
    await db
      .insertInto('conversations')
      .values({ citizen_key: citizenKey, state: json, updated_at: now })
      .onConflict((oc) => oc.column('citizen_key').doUpdateSet({ state: json, updated_at: now }))
      .execute();
  }
}
