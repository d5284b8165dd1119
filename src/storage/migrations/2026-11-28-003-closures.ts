import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

/**
 * Days a coordinator closes human attendance beyond the holiday calendar (recesso, a decree, a strike).
 * Removing one keeps the row (removed_at/removed_by), so the calendar's history can be explained later.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('closures')
    .addColumn('id', id(dialect))
    .addColumn('first_day', 'text', (c) => c.notNull())
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('removed_by', 'bigint')
    .addColumn('removed_at', millis)
    .execute();
  await db.schema.createIndex('closures_in_force').on('closures').columns(['removed_at', 'last_day']).execute();
};
