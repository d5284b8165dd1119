import type { ColumnType } from 'kysely';

/** A running total for one day of one metric, broken down by `key` ('' for the day's total). */
export interface DailyCountTable {
  /** "YYYY-MM-DD" in the city's timezone. */
  day: string;
  metric: string;
  key: string;
  /** Writers spread over shards so that they do not wait for each other's row locks; reports sum them. */
  shard: ColumnType<number, number | undefined, number>;
  n: number;
}
