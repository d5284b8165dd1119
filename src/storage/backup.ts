import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { AppError } from '../platform/errors.js';

export interface BackupResult {
  /** The database that was copied and the copy, both absolute. */
  source: string;
  target: string;
  pages: number;
  bytes: number;
}

/** The file of a `sqlite:` DATABASE_URL (the default when the path is empty, as `openStorage` does). */
const sqlitePathOf = (databaseUrl: string): string => {
  if (!databaseUrl.startsWith('sqlite:')) {
    throw new AppError('backup.postgres', 'invalid_input',
      'DATABASE_URL points at PostgreSQL: back it up with pg_dump, e.g. `pg_dump -Fc -f whats-palmas.dump "$DATABASE_URL"`, and restore with pg_restore (docs/deployment.md, Backups).');
  }
  const path = databaseUrl.slice('sqlite:'.length) || './data/whats-palmas.db';
  if (path === ':memory:') throw new AppError('backup.memory', 'invalid_input', 'An in-memory database has nothing to back up.');
  return resolve(path);
};

/**
 * Copies a SQLite database into a new file with SQLite's online backup API, safe while the server runs and writes.
 *
 * The copy is made in a single step, that is inside one read transaction: in WAL mode that never blocks the server's
 * writers, and it gives a consistent snapshot (committed transactions only). Copied a few pages at a time instead, a
 * write by the server between two steps would make SQLite start the copy over, which on a busy server may never end.
 * The copy is written under a temporary name, switched to a rollback journal (one self-contained file), checked, and
 * only then renamed to `target`, so a backup cut short never sits under the final name.
 */
export const backupSqlite = async (databaseUrl: string, target: string): Promise<BackupResult> => {
  const source = sqlitePathOf(databaseUrl);
  const destination = resolve(target);
  if (!existsSync(source)) throw new AppError('backup.missing', 'not_found', `No database at ${source} (DATABASE_URL).`);
  if (destination === source) throw new AppError('backup.same_file', 'invalid_input', 'The backup must go to another file than the database itself.');
  if (existsSync(destination)) throw new AppError('backup.exists', 'conflict', `${destination} already exists: choose a new file name (backups are never overwritten).`);
  if (!existsSync(dirname(destination))) throw new AppError('backup.no_directory', 'invalid_input', `The directory ${dirname(destination)} does not exist.`);

  const partial = `${destination}.partial-${process.pid}`;
  const database = new SQLite(source, { fileMustExist: true });
  try {
    // The server may hold the write lock for a moment; a reader in WAL mode only waits for a checkpoint's restart.
    database.pragma('busy_timeout = 5000');
    // The first transfer only measures; returning the whole page count makes the next one copy everything at once.
    const progress = await database.backup(partial, { progress: () => 0x7fffffff });
    const copy = new SQLite(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new AppError('backup.corrupt', 'internal', `The copy failed SQLite's quick_check (${String(check)}); the database was not changed.`);
    } finally {
      copy.close();
    }
    renameSync(partial, destination);
    return { source, target: destination, pages: progress.totalPages, bytes: statSync(destination).size };
  } catch (error) {
    for (const file of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
    throw error;
  } finally {
    database.close();
  }
};
