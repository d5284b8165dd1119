import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { DataRequestKind, DataRequestRow } from '../schema.js';

/** Citizens' LGPD requests, kept for staff to act on; nothing here deletes citizen data. */
export class DataRequestsRepository {
  /** Records an open request unless one of the same kind is already open (returns undefined then). */
  async insertIfNoneOpen(db: Executor, citizenKey: string, kind: DataRequestKind, now: number): Promise<DataRequestRow | undefined> {
    return db
      .insertInto('data_requests')
      .values({ citizen_key: citizenKey, kind, status: 'open', created_at: now, updated_at: now })
      // The predicate is a literal so both dialects match it to the partial unique index.
      .onConflict((oc) => oc.columns(['citizen_key', 'kind']).where(sql<boolean>`status = 'open'`).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  async openFor(db: Executor, citizenKey: string, kind: DataRequestKind): Promise<DataRequestRow | undefined> {
    return db
      .selectFrom('data_requests')
      .selectAll()
      .where('citizen_key', '=', citizenKey)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .executeTakeFirst();
  }

  async forCitizen(db: Executor, citizenKey: string): Promise<DataRequestRow[]> {
    return db.selectFrom('data_requests').selectAll().where('citizen_key', '=', citizenKey).orderBy('id').execute();
  }

  /** Staff's queue, oldest first (LGPD deadlines run from created_at). */
  async open(db: Executor, limit = 100): Promise<DataRequestRow[]> {
    return db.selectFrom('data_requests').selectAll().where('status', '=', 'open').orderBy('id').limit(limit).execute();
  }
}
