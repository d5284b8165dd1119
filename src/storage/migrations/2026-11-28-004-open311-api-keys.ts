import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

/**
 * Open311 API keys issued by admins in the console. Only a SHA-256 hash of each key is stored: the plain key is
 * shown once, when issued. Revoking keeps the row, so the console can show who had which key and until when.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('open311_api_keys')
    .addColumn('id', id(dialect))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('revoked_at', millis)
    .execute();
};
