import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

/**
 * The public "Avisos da Prefeitura" page and feed: every broadcast is published there too (WhatsApp Status cannot be
 * posted through the Cloud API), and coordinators may publish a notice by hand or withdraw one.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('notices')
    .addColumn('id', id(dialect))
    // The broadcast it came from, once: publishing the same broadcast again changes nothing.
    .addColumn('broadcast_id', 'bigint', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // JSON array of topic ids.
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('published_at', millis, (c) => c.notNull())
    .addColumn('created_by', 'bigint')
    .addColumn('withdrawn_at', millis)
    .addColumn('withdrawn_by', 'bigint')
    .execute();
  await db.schema.createIndex('notices_published').on('notices').columns(['withdrawn_at', 'published_at']).execute();
};
