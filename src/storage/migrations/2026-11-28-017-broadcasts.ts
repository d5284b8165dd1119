import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

/**
 * Broadcasts: one approved template sent to every opted-in citizen of an audience. The audience is frozen into
 * `broadcast_recipients` when sending starts and fed to the outbox in small batches, at a lower priority than
 * replies; counters in `broadcast_progress` are kept by whoever moves a recipient on (the runner, status webhooks).
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('broadcasts')
    .addColumn('id', id(dialect))
    .addColumn('title', 'text', (c) => c.notNull())
    // scheduled → sending → done; sending ⇄ paused; scheduled, sending or paused → cancelled.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('template_name', 'text', (c) => c.notNull())
    .addColumn('template_language', 'text', (c) => c.notNull())
    // JSON array of the body parameters.
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('header_media_url', 'text')
    // JSON of the Graph message every recipient gets (without `to`).
    .addColumn('payload', 'text', (c) => c.notNull())
    // JSON {topics, neighborhoods, regions} as the coordinator chose them.
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('send_at', millis, (c) => c.notNull())
    .addColumn('created_by', 'bigint', (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('started_at', millis)
    .addColumn('finished_at', millis)
    .addColumn('paused_at', millis)
    // The audience is copied in chunks by citizen key: 1 once all of it is in broadcast_recipients.
    .addColumn('snapshot_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('snapshot_after', 'text')
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    // Recipients no longer opted in (to the list or the broadcast's topics), counted now and then by the runner.
    .addColumn('opted_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opted_out_counted_at', millis)
    // Sending rate over the last few seconds, from samples of the sent counter.
    .addColumn('rate_per_second', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('rate_sample_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rate_sample_at', millis)
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('broadcasts_due').on('broadcasts').columns(['status', 'send_at']).execute();

  await db.schema
    .createTable('broadcast_recipients')
    .addColumn('id', id(dialect))
    .addColumn('broadcast_id', 'bigint', (c) => c.notNull())
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    // queued → fed (an outbox row exists) → sent → delivered → read; failed; skipped (left the list before their
    // turn); cancelled (the broadcast was cancelled before their message went).
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'bigint')
    .addColumn('accepted_at', millis)
    .addColumn('error_code', 'integer')
    .addColumn('failed_at', millis)
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('broadcast_recipients_once').on('broadcast_recipients').columns(['broadcast_id', 'citizen_key']).unique().execute();
  await db.schema.createIndex('broadcast_recipients_state').on('broadcast_recipients').columns(['broadcast_id', 'state', 'id']).execute();
  await db.schema.createIndex('broadcast_recipients_outbox').on('broadcast_recipients').columns(['outbox_id']).execute();
  await db.schema
    .createIndex('broadcast_recipients_failed')
    .on('broadcast_recipients')
    .columns(['broadcast_id', 'id'])
    .where(sql<boolean>`state = 'failed'`)
    .execute();

  await db.schema
    .createTable('broadcast_progress')
    .addColumn('broadcast_id', 'bigint', (c) => c.primaryKey())
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    // Recipients whose turn is over: sent, failed, skipped or cancelled.
    .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();

  // Broadcast messages wait behind replies (priority 0 first) and are never sent after `send_before` (quiet hours,
  // a pause): the runner moves that limit on when sending may go on.
  await db.schema.alterTable('outbox').addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('outbox').addColumn('send_before', millis).execute();
  await db.schema.createIndex('outbox_claim_order').on('outbox').columns(['state', 'priority', 'id']).execute();
};
