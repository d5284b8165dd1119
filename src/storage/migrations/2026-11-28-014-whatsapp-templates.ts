import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

/** The WhatsApp message templates the city may send (synced from Meta or entered by hand), one per name and language. */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('whatsapp_templates')
    .addColumn('id', id(dialect))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('body_parameters', 'integer', (c) => c.notNull())
    .addColumn('meta_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('missing_since', millis)
    .addColumn('created_by', 'bigint')
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('whatsapp_templates_name_language').on('whatsapp_templates').columns(['name', 'language']).unique().execute();
  await db.schema.createIndex('whatsapp_templates_meta_id').on('whatsapp_templates').column('meta_id').execute();
};
