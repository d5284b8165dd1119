import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const id = (dialect: Dialect) => (dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`);
const millis = 'bigint' as const;
const coordinate = 'double precision' as const;

/**
 * Citizen registration (kept apart from the hot `citizens` row), LGPD data requests, service requests with
 * their history and yearly protocol counters, and handoffs to people.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('citizen_profiles')
    .addColumn('citizen_key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('place_id', 'text')
    .addColumn('place_text', 'text')
    .addColumn('place_latitude', coordinate)
    .addColumn('place_longitude', coordinate)
    .addColumn('consent_accepted_at', millis)
    .addColumn('consent_declined_at', millis)
    .addColumn('consent_notice', 'text')
    .addColumn('broadcast_opted_in_at', millis)
    .addColumn('broadcast_opted_out_at', millis)
    .addColumn('broadcast_source', 'text')
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  // Broadcast audiences select opted-in citizens by place.
  await db.schema.createIndex('citizen_profiles_audience').on('citizen_profiles').columns(['broadcast_opted_in_at', 'place_id']).execute();

  await db.schema
    .createTable('data_requests')
    .addColumn('id', id(dialect))
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .addColumn('closed_at', millis)
    .execute();
  // One open request of a kind per citizen: asking again finds the open one.
  await db.schema
    .createIndex('data_requests_one_open')
    .on('data_requests')
    .columns(['citizen_key', 'kind'])
    .unique()
    .where(sql<boolean>`status = 'open'`)
    .execute();
  await db.schema.createIndex('data_requests_queue').on('data_requests').columns(['status', 'id']).execute();

  await db.schema
    .createTable('protocol_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('service_requests')
    .addColumn('id', id(dialect))
    .addColumn('protocol', 'text', (c) => c.notNull().unique())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('citizen_key', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('latitude', coordinate)
    .addColumn('longitude', coordinate)
    .addColumn('place_id', 'text')
    .addColumn('address', 'text')
    .addColumn('reference', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('media_ids', 'text', (c) => c.notNull())
    .addColumn('expected_at', millis)
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_requests_citizen').on('service_requests').columns(['citizen_key', 'id']).execute();
  await db.schema.createIndex('service_requests_queue').on('service_requests').columns(['department_id', 'status', 'id']).execute();
  await db.schema.createIndex('service_requests_service').on('service_requests').columns(['service_code', 'created_at']).execute();
  await db.schema.createIndex('service_requests_created').on('service_requests').columns(['created_at']).execute();

  await db.schema
    .createTable('service_request_events')
    .addColumn('id', id(dialect))
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('service_requests.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_request_events_request').on('service_request_events').columns(['request_id', 'id']).execute();

  await db.schema
    .createTable('handoffs')
    .addColumn('id', id(dialect))
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('message', 'text')
    .addColumn('attendance_open', 'integer', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'bigint')
    .addColumn('created_at', millis, (c) => c.notNull())
    .addColumn('updated_at', millis, (c) => c.notNull())
    .addColumn('closed_at', millis)
    .execute();
  // A citizen waits in at most one queue at a time, whatever races the bot may run.
  await db.schema
    .createIndex('handoffs_one_pending')
    .on('handoffs')
    .column('citizen_key')
    .unique()
    .where(sql<boolean>`status <> 'closed'`)
    .execute();
  await db.schema.createIndex('handoffs_queue').on('handoffs').columns(['status', 'department_id', 'id']).execute();

  await db.schema
    .createTable('handoff_messages')
    .addColumn('id', id(dialect))
    .addColumn('handoff_id', 'bigint', (c) => c.notNull().references('handoffs.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', millis, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handoff_messages_handoff').on('handoff_messages').columns(['handoff_id', 'id']).execute();
};
