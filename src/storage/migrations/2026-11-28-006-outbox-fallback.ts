import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A message to send instead when Meta refuses free text because the 24-hour window closed (131047): the notice's
 * approved template, so a notice queued near the window's end still reaches the citizen.
 */
export const up = async (db: AnyDb, _dialect: Dialect): Promise<void> => {
  await db.schema.alterTable('outbox').addColumn('fallback_payload', 'text').execute();
};
