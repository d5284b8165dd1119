import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

/**
 * Broadcast topics a citizen receives (one row per topic while opted in) and every consent given or withdrawn, with
 * the wording the citizen saw and the channel, as the LGPD asks a controller to be able to show.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('citizen_topics')
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text', (c) => c.notNull())
    .addColumn('opted_in_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('citizen_topics_pk', ['citizen_key', 'topic_id'])
    .execute();
  // Audiences are read topic by topic.
  await db.schema.createIndex('citizen_topics_audience').on('citizen_topics').columns(['topic_id', 'citizen_key']).execute();

  await db.schema
    .createTable('consent_events')
    .addColumn('id', id(dialect))
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    // 'privacy' (the LGPD notice), 'broadcasts' (the list as a whole) or 'topic'.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text')
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('wording', 'text', (c) => c.notNull())
    // 'whatsapp' (the citizen in conversation) or 'console' (staff recording what a citizen asked by phone).
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consent_events_citizen').on('consent_events').columns(['citizen_key', 'id']).execute();
};
