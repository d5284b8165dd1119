import type { Executor, Tx } from '../../storage/database.js';

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (the inbound handler commits the
 * conversation, the replies and the request together), else a new one.
 */
export const inTransaction = <T>(db: Executor, work: (tx: Tx) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db as Tx) : db.transaction().execute(work);
