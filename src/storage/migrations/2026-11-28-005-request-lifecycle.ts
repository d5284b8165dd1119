import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const millis = 'bigint' as const;

/**
 * What a request needs beyond opening: priority and assignee, anonymity (fiscalização), the caller's contact when
 * the phone team registers someone not known on WhatsApp, duplicates linked to a primary request with the
 * citizens who follow it, the citizen's verdict and rating on conclusion, and departments for console users.
 * Every event of a request's life (status, note, assignment, link, feedback) goes to the same history table.
 */
export const up = async (db: AnyDb, _dialect: Dialect): Promise<void> => {
  const requests = () => db.schema.alterTable('service_requests');
  await requests().addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal')).execute();
  await requests().addColumn('assignee_id', 'bigint').execute();
  await requests().addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await requests().addColumn('contact_name', 'text').execute();
  await requests().addColumn('contact_phone', 'text').execute();
  await requests().addColumn('duplicate_of', 'bigint').execute();
  await requests().addColumn('closed_at', millis).execute();
  await requests().addColumn('solved', 'integer').execute();
  await requests().addColumn('rating', 'integer').execute();
  await requests().addColumn('feedback_at', millis).execute();
  await db.schema.createIndex('service_requests_nearby').on('service_requests').columns(['service_code', 'status', 'latitude']).execute();
  await db.schema.createIndex('service_requests_due').on('service_requests').columns(['status', 'expected_at']).execute();
  await db.schema.createIndex('service_requests_duplicates').on('service_requests').columns(['duplicate_of']).execute();

  await db.schema.alterTable('service_request_events').addColumn('kind', 'text', (c) => c.notNull().defaultTo('status')).execute();

  await db.schema
    .createTable('request_followers')
    .addColumn('request_id', 'bigint', (c) => c.notNull().references('service_requests.id').onDelete('cascade'))
    .addColumn('citizen_key', 'text', (c) => c.notNull())
    .addColumn('created_at', millis, (c) => c.notNull())
    .addPrimaryKeyConstraint('request_followers_pk', ['request_id', 'citizen_key'])
    .execute();

  await db.schema.alterTable('users').addColumn('department_id', 'text').execute();
  // The phone team looks callers up by number.
  await db.schema.createIndex('citizens_wa_id').on('citizens').column('wa_id').execute();
};
