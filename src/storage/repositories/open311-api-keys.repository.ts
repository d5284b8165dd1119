import type { Executor } from '../database.js';
import type { Open311ApiKeyRow } from '../schema.js';

export interface NewOpen311ApiKey {
  label: string;
  keyHash: string;
  createdBy: number;
}

/** Open311 API keys issued in the console, by hash; revoking only marks the row. */
export class Open311ApiKeysRepository {
  async insert(db: Executor, key: NewOpen311ApiKey, now: number): Promise<Open311ApiKeyRow> {
    return db
      .insertInto('open311_api_keys')
      .values({ label: key.label, key_hash: key.keyHash, created_by: key.createdBy, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Every key, newest first, revoked ones included. */
  async all(db: Executor): Promise<Open311ApiKeyRow[]> {
    return db.selectFrom('open311_api_keys').selectAll().orderBy('id', 'desc').execute();
  }

  async activeByHash(db: Executor, keyHash: string): Promise<Open311ApiKeyRow | undefined> {
    return db.selectFrom('open311_api_keys').selectAll().where('key_hash', '=', keyHash).where('revoked_at', 'is', null).executeTakeFirst();
  }

  /** Marks the key revoked; false when it does not exist or was revoked already. */
  async revoke(db: Executor, id: number, now: number): Promise<boolean> {
    const result = await db.updateTable('open311_api_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
