import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const millis = 'bigint' as const;

/**
 * Coordinators' changes to the city profile's catalog texts and training phrases, kept apart from the profile files:
 * the files stay the city's defaults, and a change made in the console reaches every instance through the database.
 */
export const up = async (db: AnyDb, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('catalog_text_edits')
    .addColumn('service_code', 'text', (c) => c.notNull())
    // 'name', 'menuTitle', 'menuDescription', 'guidance' or 'prompt:<field code>'.
    .addColumn('field', 'text', (c) => c.notNull())
    // JSON: a string, or an array of strings for guidance.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'bigint')
    .addColumn('updated_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_text_edits_pk', ['service_code', 'field'])
    .execute();

  await db.schema
    .createTable('training_phrase_edits')
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('phrase', 'text', (c) => c.notNull())
    // 'added' (a phrase the files do not have) or 'removed' (one of the files' phrases, no longer taught).
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'bigint')
    .addColumn('updated_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('training_phrase_edits_pk', ['intent', 'phrase'])
    .execute();
};
