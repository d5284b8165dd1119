import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const millis = 'bigint' as const;
const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);

/**
 * The Carta de Serviços: coordinators' versions of its entries (kept apart from the profile file, which stays the
 * default), and the questions citizens asked the bot, so coordinators see what it answered, what it could not, and
 * what the citizen said was not it.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('carta_entry_edits')
    .addColumn('entry_id', 'text', (c) => c.primaryKey())
    // JSON: the whole entry as coordinators left it (every field but the id).
    .addColumn('value', 'text', (c) => c.notNull())
    // 'edited' (an entry of the profile) or 'added' (one the profile does not have).
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'bigint')
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('carta_questions')
    .addColumn('id', id(dialect))
    // A hash of the citizen's key (as in the audit log), so erasing the citizen finds their questions.
    .addColumn('citizen_ref', 'text', (c) => c.notNull())
    // The message with phone numbers masked.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    // 'answered', 'unanswered' or 'not_helpful'.
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('asked_at', millis, (c) => c.notNull())
    .addColumn('resolved_at', millis)
    .addColumn('resolved_by', 'bigint')
    .execute();
  await db.schema.createIndex('carta_questions_asked').on('carta_questions').columns(['asked_at']).execute();
  await db.schema.createIndex('carta_questions_citizen').on('carta_questions').columns(['citizen_ref', 'asked_at']).execute();
  await db.schema.createIndex('carta_questions_entry').on('carta_questions').columns(['entry_id', 'outcome', 'asked_at']).execute();
};
