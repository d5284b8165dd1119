import { sql } from 'kysely';
import type { Dialect, Executor } from '../database.js';

export interface DailyCount {
  day: string;
  metric: string;
  key: string;
  n: number;
}

/** Enough that the transactions of one instance's workers almost never meet on a row. */
const SHARDS = 16;

/**
 * Running daily totals for reports; every write adds to what is there. On PostgreSQL each write goes to the next of
 * several shards of its rows, so concurrent transactions do not queue on one row lock (SQLite has one writer: one
 * shard); readers sum the shards, and `foldShards` merges those of past days.
 */
export class DailyCountsRepository {
  private nextShard = 0;

  constructor(private readonly dialect: Dialect) {}

  private shard(): number {
    if (this.dialect === 'sqlite') return 0;
    this.nextShard = (this.nextShard + 1) % SHARDS;
    return this.nextShard;
  }

  /** Adds the counts in one statement; the same (day, metric, key) twice in `counts` is summed first. */
  async add(db: Executor, counts: readonly DailyCount[]): Promise<void> {
    const merged = new Map<string, DailyCount>();
    for (const count of counts) {
      if (count.n === 0) continue;
      const id = JSON.stringify([count.day, count.metric, count.key]);
      const seen = merged.get(id);
      merged.set(id, seen ? { ...seen, n: seen.n + count.n } : { ...count });
    }
    if (merged.size === 0) return;
    const shard = this.shard();
    await db
      .insertInto('daily_counts')
      .values([...merged.values()].map((count) => ({ ...count, shard })))
      .onConflict((oc) => oc.columns(['day', 'metric', 'key', 'shard']).doUpdateSet({ n: sql<number>`daily_counts.n + excluded.n` }))
      .execute();
  }

  /**
   * Merges the shards of the days before `beforeDay` into shard 0, in one statement (a late count for such a day
   * starts a new shard, merged next time); returns how many shard rows it merged.
   */
  async foldShards(db: Executor, beforeDay: string): Promise<number> {
    if (this.dialect === 'sqlite') return 0;
    const result = await sql<{ merged: string }>`
      with moved as (delete from daily_counts where shard <> 0 and day < ${beforeDay} returning day, metric, key, n),
      folded as (
        insert into daily_counts (day, metric, key, shard, n)
        select day, metric, key, 0, sum(n) from moved group by day, metric, key
        on conflict (day, metric, key, shard) do update set n = daily_counts.n + excluded.n
      )
      select count(*) as merged from moved`.execute(db);
    return Number(result.rows[0]?.merged ?? 0);
  }

  /** Totals per metric and key over days `from`..`to` (inclusive, "YYYY-MM-DD"). */
  async totals(db: Executor, metrics: readonly string[], from: string, to: string): Promise<Array<{ metric: string; key: string; n: number }>> {
    if (metrics.length === 0) return [];
    const rows = await db
      .selectFrom('daily_counts')
      .select(['metric', 'key', sql<string>`sum(n)`.as('n')])
      .where('metric', 'in', metrics)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy(['metric', 'key'])
      .execute();
    return rows.map((row) => ({ metric: row.metric, key: row.key, n: Number(row.n) }));
  }

  /** One metric's day totals ('' key) over days `from`..`to`, in day order; days without any are left out. */
  async series(db: Executor, metric: string, from: string, to: string): Promise<Array<{ day: string; n: number }>> {
    const rows = await db
      .selectFrom('daily_counts')
      .select(['day', sql<string>`sum(n)`.as('n')])
      .where('metric', '=', metric)
      .where('key', '=', '')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .groupBy('day')
      .orderBy('day')
      .execute();
    return rows.map((row) => ({ day: row.day, n: Number(row.n) }));
  }
}
