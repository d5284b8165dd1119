import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

// Migrations never import application code: they describe the schema as it was on their date.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Daily counts split into shards. Every processed message adds to the same few rows of the day, in its own
 * transaction: on PostgreSQL each of those transactions held the row lock until it committed, so messages were
 * processed one at a time (a CPU profile found the upsert waiting 36 ms on average). Writers now spread over
 * shards, reports sum them, and maintenance folds the shards of past days back into shard 0.
 */
export const up = async (db: AnyDb, dialect: Dialect): Promise<void> => {
  if (dialect === 'postgres') {
    await sql`alter table daily_counts drop constraint daily_counts_pk`.execute(db);
    await sql`alter table daily_counts add column shard smallint not null default 0`.execute(db);
    await sql`alter table daily_counts add constraint daily_counts_pk primary key (day, metric, key, shard)`.execute(db);
    return;
  }
  // SQLite cannot change a primary key in place: the table is rebuilt (it holds a few rows a day).
  await db.schema
    .createTable('daily_counts_sharded')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('daily_counts_pk', ['day', 'metric', 'key', 'shard'])
    .execute();
  await sql`insert into daily_counts_sharded (day, metric, key, shard, n) select day, metric, key, 0, n from daily_counts`.execute(db);
  await db.schema.dropTable('daily_counts').execute();
  await db.schema.alterTable('daily_counts_sharded').renameTo('daily_counts').execute();
  await db.schema.createIndex('daily_counts_metric_day').on('daily_counts').columns(['metric', 'day']).execute();
};
