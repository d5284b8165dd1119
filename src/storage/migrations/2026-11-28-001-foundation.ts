import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;

export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('webhook_events')
    .addColumn('id', id(dialect))
    .addColumn('received_at', millis, (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('citizens')
    .addColumn('id', id(dialect))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('wa_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('profile_name', 'text')
    .addColumn('first_seen_at', millis, (c) => c.notNull())
    .addColumn('last_inbound_at', millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', id(dialect))
    .addColumn('wamid', 'text', (c) => c.notNull().unique())
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    .addColumn('phone_number_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sent_at', millis, (c) => c.notNull())
    .addColumn('received_at', millis, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('processed_at', millis)
    .execute();
  await db.schema.createIndex('inbound_messages_citizen').on('inbound_messages').columns(['citizen_key', 'id']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', id(dialect))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', millis, (c) => c.notNull())
    .addColumn('locked_until', millis)
    .addColumn('last_error', 'text')
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  // Claims walk pending jobs in id order and stop at the first few eligible ones.
  await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'id']).execute();
  await db.schema.createIndex('jobs_group').on('jobs').columns(['group_key', 'status', 'id']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', id(dialect))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', millis, (c) => c.notNull())
    .addColumn('lease_until', millis)
    .addColumn('wamid', 'text', (c) => c.unique())
    .addColumn('error_code', 'integer')
    .addColumn('error_detail', 'text')
    .addColumn('cause', 'text')
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('accepted_at', millis)
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_ready').on('outbox').columns(['state', 'id']).execute();
  await db.schema.createIndex('outbox_recipient').on('outbox').columns(['recipient', 'state', 'id']).execute();

  await db.schema
    .createTable('message_statuses')
    .addColumn('id', id(dialect))
    .addColumn('wamid', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('occurred_at', millis, (c) => c.notNull())
    .addColumn('error_code', 'integer')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addUniqueConstraint('message_statuses_once', ['wamid', 'status'])
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', id(dialect))
    .addColumn('media_id', 'text', (c) => c.notNull().unique())
    .addColumn('inbound_wamid', 'text', (c) => c.notNull())
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('path', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('problem', 'text')
    .addColumn('created_at', millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('citizen_key', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', id(dialect))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('disabled_at', millis)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('expires_at', millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
};
