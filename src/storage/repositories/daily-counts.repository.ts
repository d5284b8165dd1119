import { sql } from 'kysely';
import type { Executor } from '../database.js';

export interface DailyCount {
  day: string;
  metric: string;
  key: string;
  n: number;
}

/** Running daily totals for reports; every write adds to what is there. */
export class DailyCountsRepository {
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
    await db
      .insertInto('daily_counts')
      .values([...merged.values()])
      .onConflict((oc) => oc.columns(['day', 'metric', 'key']).doUpdateSet({ n: sql<number>`daily_counts.n + excluded.n` }))
      .execute();
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
      .select(['day', 'n'])
      .where('metric', '=', metric)
      .where('key', '=', '')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('day')
      .execute();
    return rows.map((row) => ({ day: row.day, n: Number(row.n) }));
  }
}
