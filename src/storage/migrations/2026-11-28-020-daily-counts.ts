import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Running daily totals for reports, added to in the transaction of the event they count (a message processed, a
 * message accepted by Meta), so a year's report reads a few thousand rows however many messages there were.
 */
export const up = async (db: AnyDb, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('daily_counts')
    // "YYYY-MM-DD" in the city's timezone.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    // What the count is broken down by (a state, a service…); '' for the day's total.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_counts_pk', ['day', 'metric', 'key'])
    .execute();
  // Reports read one metric over a range of days.
  await db.schema.createIndex('daily_counts_metric_day').on('daily_counts').columns(['metric', 'day']).execute();
  // Reports count citizens first seen in a period straight from their table.
  await db.schema.createIndex('citizens_first_seen').on('citizens').columns(['first_seen_at']).execute();
};
