import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The attendants' inbox: who wrote each outbound message (null: the bot), and a handoff's thread holding internal
 * notes and events (taken, transferred, closed) beside what the citizen wrote while waiting.
 */
export const up = async (db: AnyDb, _dialect: Dialect): Promise<void> => {
  await db.schema.alterTable('outbox').addColumn('author', 'text').execute();
  await db.schema.alterTable('handoff_messages').addColumn('author', 'text', (c) => c.notNull().defaultTo('citizen')).execute();
  await db.schema.alterTable('handoff_messages').addColumn('kind', 'text', (c) => c.notNull().defaultTo('message')).execute();
  // A conversation's history pages back through both directions by recipient/citizen and id.
  await db.schema.createIndex('outbox_history').on('outbox').columns(['recipient', 'id']).execute();
};
