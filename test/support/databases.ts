import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createRepositories, type Repositories } from '../../src/storage/repositories/index.js';

/** PostgreSQL tests run when TEST_DATABASE_URL points at a server (CI sets it); each gets its own database. */
export const postgresUrl = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export const sqliteDatabase = (): TestDatabase => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-test-'));
  return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
};

/** A new database on the server at `serverUrl` (TEST_DATABASE_URL by default), dropped by `drop()`. */
export const postgresDatabase = async (serverUrl = postgresUrl): Promise<TestDatabase> => {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `wp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
};

/**
 * The database of tests that run on one: SQLite unless TEST_APP_DATABASE=postgres, which `.ci/run` sets for a second
 * pass of the HTTP, end-to-end and browser tiers so that every tier also runs on PostgreSQL.
 */
export const appDatabase = async (): Promise<TestDatabase> =>
  process.env.TEST_APP_DATABASE === 'postgres' ? postgresDatabase() : sqliteDatabase();

/** The dialects to run database tests on: SQLite always, PostgreSQL when available. */
export const dialects: Array<{ name: string; create: () => Promise<TestDatabase> }> = [
  { name: 'sqlite', create: async () => sqliteDatabase() },
  ...(postgresUrl ? [{ name: 'postgres', create: () => postgresDatabase() }] : []),
];

if (!postgresUrl) console.log('[skip] PostgreSQL tier: TEST_DATABASE_URL is not set, database tests run on SQLite only');

/**
 * A fresh, migrated database for each test of a `describe` block, on the given dialect; read `storage` and
 * `repos` inside the tests.
 */
export const useMigratedStorage = (create: () => Promise<TestDatabase>) => {
  const current = {} as { database: TestDatabase; storage: Storage; repos: Repositories };
  beforeEach(async () => {
    current.database = await create();
    current.storage = openStorage(current.database.url);
    await migrateToLatest(current.storage);
    current.repos = createRepositories(current.storage.dialect);
  });
  afterEach(async () => {
    await current.storage.close();
    await current.database.drop();
  });
  return current;
};
