import { sql, type RawBuilder } from 'kysely';
import type { Dialect, Executor } from '../database.js';

/**
 * Which rows a PostgreSQL claim updates: those its locking CTE `picked` chose. The locking query is a CTE so that
 * it runs once (as an IN subquery PostgreSQL may run it again per row and claim past the limit). The update finds
 * them as `id = any(array(…))`, not by a join, because claims run as prepared statements: a generic plan does not
 * know the LIMIT, guesses hundreds of picked rows and joined them by scanning the whole table (7.5 ms at 10,000
 * messages, growing with the table), where an array of ids is looked up by primary key.
 */
export const pickedIds: RawBuilder<boolean> = sql<boolean>`id = any(array(select id from picked))`;

/**
 * A claim's LIMIT, as its statement text carries it. SQLite prepares a statement again on every run when a bound
 * value can change its plan, and a bound LIMIT does: the outbox claim took 90 µs against 9 µs with the number in
 * the text (each limit then has its own cached statement, a handful). PostgreSQL keeps it a parameter, so one
 * prepared statement serves every limit.
 */
export const claimLimit = (dialect: Dialect, limit: number): number | RawBuilder<number> => (dialect === 'sqlite' ? sql.lit(limit) : limit);

/**
 * Refreshes PostgreSQL's statistics of a queue table once a backlog built up in it. From statistics that say almost
 * nothing waits, the planner claims by reading every waiting row and sorting, instead of walking the claim index in
 * order and stopping at the limit; autovacuum corrects them only a minute or more later. SQLite plans without them.
 */
export const refreshQueueStatistics = async (dialect: Dialect, db: Executor, table: 'jobs' | 'outbox'): Promise<void> => {
  if (dialect === 'postgres') await sql`analyze ${sql.table(table)}`.execute(db);
};
