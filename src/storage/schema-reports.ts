/** A running total for one day of one metric, broken down by `key` ('' for the day's total). */
export interface DailyCountTable {
  /** "YYYY-MM-DD" in the city's timezone. */
  day: string;
  metric: string;
  key: string;
  n: number;
}
