import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/database.js';
import type { Leadership } from '../../src/storage/leadership.js';
import { postgresDatabase, postgresUrl, sqliteDatabase, type TestDatabase } from '../support/databases.js';

const opened: Array<{ storage: Storage; database: TestDatabase; leaders: Leadership[] }> = [];

afterEach(async () => {
  for (const { storage, database, leaders } of opened.splice(0)) {
    for (const leader of leaders) await leader.release();
    await storage.close();
    await database.drop();
  }
});

const open = async (database: TestDatabase) => {
  const storage = openStorage(database.url);
  const entry = { storage, database, leaders: [] as Leadership[] };
  opened.push(entry);
  return (name: string) => {
    const leader = storage.leadership(name);
    entry.leaders.push(leader);
    return leader;
  };
};

describe('leadership of scheduled work', () => {
  it('always belongs to the one process of a SQLite file', async () => {
    const leadership = await open(sqliteDatabase());
    expect(await leadership('maintenance').holds()).toBe(true);
  });

  it.skipIf(!postgresUrl)('belongs to one instance at a time on PostgreSQL, and passes on when its holder goes', async () => {
    const leadership = await open(await postgresDatabase());
    const [first, second, other] = [leadership('maintenance'), leadership('maintenance'), leadership('reports')];
    expect(await first.holds()).toBe(true);
    expect(await second.holds()).toBe(false);
    expect(await first.holds()).toBe(true);
    // Another piece of work has its own leader.
    expect(await other.holds()).toBe(true);
    await first.release();
    expect(await second.holds()).toBe(true);
    expect(await first.holds()).toBe(false);
  });

  it.skipIf(!postgresUrl)('passes on when the leader\'s connection dies, and the old leader knows it lost', async () => {
    const database = await postgresDatabase();
    const leadership = await open(database);
    const [first, second] = [leadership('maintenance'), leadership('maintenance')];
    expect(await first.holds()).toBe(true);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted");
    await admin.end();
    expect(await second.holds()).toBe(true);
    // Whether it hears of the lost connection first or its query fails, it never believes it still leads.
    expect(await first.holds().catch(() => false)).toBe(false);
    expect(await first.holds()).toBe(false);
  });
});
