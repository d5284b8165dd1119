import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** 1 while a user signs in with a password someone else chose (an admin's temporary one): they must set their own. */
export const up = async (db: AnyDb, _dialect: Dialect): Promise<void> => {
  await db.schema.alterTable('users').addColumn('password_must_change', 'integer', (c) => c.notNull().defaultTo(0)).execute();
};
