import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

/**
 * Optional two-step verification (TOTP) for console users: the shared secret (set at enrolment, in use once
 * `totp_enabled_at` is set), the last 30-second step accepted (a code is never taken twice), one-time recovery codes
 * (hashes only), and sign-ins waiting for their code after a right password.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', millis).execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', millis).execute();

  await db.schema
    .createTable('totp_recovery_codes')
    .addColumn('id', id(dialect))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', millis)
    .execute();
  await db.schema.createIndex('totp_recovery_codes_user').on('totp_recovery_codes').columns(['user_id', 'code_hash']).unique().execute();

  await db.schema
    .createTable('pending_sign_ins')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('expires_at', millis, (c) => c.notNull())
    .addColumn('failed_codes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
};
