import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteDatabase, type TestDatabase } from '../../test/support/databases.js';
import { backupSqlite } from './backup.js';
import { openStorage } from './database.js';
import { migrateToLatest } from './migrate.js';

/** Another connection in another thread, as the server would be: commits `row-0`, `row-1`… one per transaction. */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const insert = db.prepare('insert into settings (key, value, updated_at) values (?, ?, ?)');
let next = 0;
let stopping = false;
parentPort.on('message', () => { stopping = true; });
const burst = () => {
  for (let i = 0; i < 50; i += 1) { insert.run('row-' + next, 'x'.repeat(400), Date.now()); next += 1; }
  parentPort.postMessage(next);
  if (stopping) { db.close(); process.exit(0); } else setImmediate(burst);
};
burst();
`;

const startWriter = (path: string) => {
  const worker = new Worker(WRITER_SOURCE, { eval: true, workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path } });
  let committed = 0;
  const reached = (count: number) =>
    new Promise<void>((resolve) => {
      const check = (n: number) => {
        if (n < count) return;
        worker.off('message', check);
        resolve();
      };
      worker.on('message', check);
    });
  worker.on('message', (n: number) => (committed = n));
  return {
    reached,
    committed: () => committed,
    stop: () =>
      new Promise<number>((resolve) => {
        worker.once('exit', () => resolve(committed));
        worker.postMessage('stop');
      }),
  };
};

const rowsOf = (path: string): string[] => {
  const copy = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return (copy.prepare("select key from settings where key like 'row-%' or key = 'uncommitted'").all() as Array<{ key: string }>).map((r) => r.key);
  } finally {
    copy.close();
  }
};

describe('backupSqlite', () => {
  let database: TestDatabase;
  let path: string;

  beforeEach(async () => {
    database = sqliteDatabase();
    path = database.url.slice('sqlite:'.length);
    const storage = openStorage(database.url);
    await migrateToLatest(storage);
    await storage.close();
  });
  afterEach(() => database.drop());

  it('copies a consistent snapshot while another thread keeps committing writes', async () => {
    const writer = startWriter(path);
    await writer.reached(2_000);
    const before = writer.committed();
    const target = join(dirname(path), 'backup.db');

    const result = await backupSqlite(database.url, target);
    await writer.reached(before + 500);
    const after = await writer.stop();

    expect(result.target).toBe(target);
    expect(result.bytes).toBeGreaterThan(before * 400);
    const rows = rowsOf(target);
    // Committed rows only, and all of them up to some point: rows are committed in order, so a snapshot is a prefix.
    expect(rows.length).toBeGreaterThanOrEqual(before);
    expect(rows.length).toBeLessThan(after);
    expect(new Set(rows)).toEqual(new Set(Array.from({ length: rows.length }, (_, i) => `row-${i}`)));
    // A single self-contained file that passes SQLite's own check, next to nothing half written.
    const copy = new SQLite(target, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select count(*) as n from kysely_migration').get()).toEqual({ n: expect.any(Number) });
    copy.close();
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(rowsOf(path)).toHaveLength(after);
  });

  it('does not wait for a write transaction left open, and leaves its rows out', async () => {
    const server = new SQLite(path);
    server.prepare("insert into settings (key, value, updated_at) values ('row-0', 'kept', 1)").run();
    server.exec('begin immediate');
    server.prepare("insert into settings (key, value, updated_at) values ('uncommitted', 'not yet', 2)").run();
    const target = join(dirname(path), 'during-write.db');

    await backupSqlite(database.url, target);
    server.exec('commit');
    server.close();

    expect(rowsOf(target)).toEqual(['row-0']);
    expect(rowsOf(path).sort()).toEqual(['row-0', 'uncommitted']);
  });

  it('refuses to overwrite a file, and refuses PostgreSQL pointing at pg_dump', async () => {
    const target = join(dirname(path), 'exists.db');
    writeFileSync(target, 'an older backup');
    await expect(backupSqlite(database.url, target)).rejects.toThrow(/already exists/);
    await expect(backupSqlite('postgres://localhost/whats_palmas', join(dirname(path), 'pg.db'))).rejects.toThrow(/pg_dump/);
    await expect(backupSqlite(`sqlite:${join(dirname(path), 'none.db')}`, join(dirname(path), 'copy.db'))).rejects.toThrow(/No database/);
  });
});
