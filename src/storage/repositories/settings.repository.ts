import type { Executor } from '../database.js';

/** Small operational flags shared by every instance (e.g. sending paused after an invalid token). */
export class SettingsRepository {
  async get<T>(db: Executor, key: string): Promise<T | undefined> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async set(db: Executor, key: string, value: unknown, now: number): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
      .execute();
  }

  async remove(db: Executor, key: string): Promise<void> {
    await db.deleteFrom('settings').where('key', '=', key).execute();
  }
}
