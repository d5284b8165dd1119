import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface Storage {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
};

const openPostgres = (url: string, poolSize: number): Storage => {
  // int8 (bigint, used for ids and millisecond timestamps) fits a JS number for our ranges.
  const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format) } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
};

export const openStorage = (url: string, options: { poolSize?: number } = {}): Storage =>
  url.startsWith('sqlite:') ? openSqlite(url) : openPostgres(url, options.poolSize ?? 10);
