import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { advisoryLockLeadership, soleLeadership, type Leadership } from './leadership.js';
import { preparedStatementPool } from './prepared-statements.js';
import { startCheckpointer } from './sqlite-checkpointer.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface Storage {
  db: Db;
  dialect: Dialect;
  /** Who among the processes sharing this database does the scheduled work called `name`. */
  leadership(name: string): Leadership;
  close(): Promise<void>;
}

/** Kysely prepares every query anew; reusing prepared statements halves the cost of small queries. */
const withStatementCache = (database: SQLite.Database, size = 256): SqliteDatabase => {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql) as SqliteStatement;
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
};

const openSqlite = (url: string): Storage => {
  const path = url.slice('sqlite:'.length) || './data/whats-palmas.db';
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new SQLite(path);
  // WAL with synchronous=NORMAL survives a killed process (the WAL is in the OS cache); busy_timeout lets the
  // CLI and the server share the file.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // A modest page cache, with the file memory-mapped for reads: at each commit SQLite may scan its whole page
  // cache (a B-tree rebalance parks a page at the lock-byte page number, and the next truncate walks every hash
  // slot), so a 64 MB cache cost every write more than it saved reads, which the mapping serves from the OS cache.
  database.pragma('cache_size = -8192');
  database.pragma('mmap_size = 268435456');
  database.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  if (path === ':memory:') return { db, dialect: 'sqlite', leadership: soleLeadership, close: () => db.destroy() };
  // Checkpoints run in a worker thread; the serving connection only checkpoints if the log grows very large.
  database.pragma('wal_autocheckpoint = 20000');
  const checkpointer = startCheckpointer(resolve(path), (message) => console.error(`SQLite checkpoint failed: ${message}`));
  return {
    db,
    dialect: 'sqlite',
    leadership: soleLeadership,
    close: async () => {
      await checkpointer.stop();
      await db.destroy();
    },
  };
};

const openPostgres = (url: string, poolSize: number): Storage => {
  // int8 (bigint, used for ids and millisecond timestamps) fits a JS number for our ranges.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format) } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle connection dropped by the server (restart, failover) is replaced on next use; unhandled, its error
  // event would end the process.
  pool.on('error', (error) => console.error(`PostgreSQL idle connection lost: ${error.message}`));
  // A connection lost while checked out (e.g. between the statements of a transaction, when PostgreSQL restarts)
  // emits 'error' too: unheard, it would end the process. Its pending query fails and the pool replaces it.
  pool.on('connect', (client) => client.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool) }) });
  return { db, dialect: 'postgres', leadership: (name) => advisoryLockLeadership(url, name), close: () => db.destroy() };
};

export const openStorage = (url: string, options: { poolSize?: number } = {}): Storage =>
  url.startsWith('sqlite:') ? openSqlite(url) : openPostgres(url, options.poolSize ?? 10);
