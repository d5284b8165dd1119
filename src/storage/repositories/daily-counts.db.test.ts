import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage, type TestDatabase } from '../../../test/support/databases.js';
import { Maintenance } from '../../jobs/maintenance.js';
import { ManualClock } from '../../platform/clock.js';
import { createLogger } from '../../platform/logger.js';
import { openStorage, type Storage } from '../database.js';
import { soleLeadership } from '../leadership.js';
import { migrateToLatest, migrateUpTo } from '../migrate.js';
import { createRepositories } from './index.js';

const received = (day: string, n = 1) => ({ day, metric: 'received', key: '', n });

describe.each(dialects)('daily counts on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('sum every count added, however the writes spread, and keep the sums when past days are folded', async () => {
    const { db } = current.storage;
    const counts = current.repos.dailyCounts;
    for (let i = 0; i < 40; i += 1) {
      await db.transaction().execute((tx) => counts.add(tx, [received('2026-11-27'), { day: '2026-11-27', metric: 'received_by_state', key: 'TO', n: 2 }]));
      await counts.add(db, [received('2026-11-28', 3)]);
    }
    const totalsBefore = await counts.totals(db, ['received', 'received_by_state'], '2026-11-01', '2026-11-30');
    expect(totalsBefore).toEqual(expect.arrayContaining([{ metric: 'received', key: '', n: 160 }, { metric: 'received_by_state', key: 'TO', n: 80 }]));
    expect(await counts.series(db, 'received', '2026-11-01', '2026-11-30')).toEqual([{ day: '2026-11-27', n: 40 }, { day: '2026-11-28', n: 120 }]);

    await counts.foldShards(db, '2026-11-28');
    expect(await counts.totals(db, ['received', 'received_by_state'], '2026-11-01', '2026-11-30')).toEqual(expect.arrayContaining(totalsBefore));
    expect(await counts.series(db, 'received', '2026-11-01', '2026-11-30')).toEqual([{ day: '2026-11-27', n: 40 }, { day: '2026-11-28', n: 120 }]);
    const rows = await db.selectFrom('daily_counts').select(['day', 'metric', 'shard']).orderBy('day').orderBy('metric').orderBy('shard').execute();
    // A past day is one row per count; today's may still be spread.
    expect(rows.filter((row) => row.day === '2026-11-27')).toEqual([
      { day: '2026-11-27', metric: 'received', shard: 0 },
      { day: '2026-11-27', metric: 'received_by_state', shard: 0 },
    ]);
    if (current.storage.dialect === 'postgres') expect(new Set(rows.filter((row) => row.day === '2026-11-28').map((row) => row.shard)).size).toBeGreaterThan(1);
  });

  it('are folded by maintenance once their day is over in the city', async () => {
    const { db, dialect } = current.storage;
    const counts = current.repos.dailyCounts;
    for (let i = 0; i < 5; i += 1) await counts.add(db, [received('2026-11-28'), received('2026-11-29')]);
    // 00:30 on the 29th in Palmas is 03:30 UTC: the 28th is over there.
    const clock = new ManualClock('2026-11-29T03:30:00Z');
    await new Maintenance({ db, dialect, repos: current.repos, clock, logger: createLogger('silent'), leadership: soleLeadership(), uncertainGraceMs: 1_000, timezone: 'America/Araguaina' }).runOnce();
    const shards = async (day: string) => (await db.selectFrom('daily_counts').select('shard').where('day', '=', day).execute()).length;
    expect(await shards('2026-11-28')).toBe(1);
    expect(await shards('2026-11-29')).toBe(dialect === 'postgres' ? 5 : 1);
    expect(await counts.series(db, 'received', '2026-11-28', '2026-11-29')).toEqual([{ day: '2026-11-28', n: 5 }, { day: '2026-11-29', n: 5 }]);
  });
});

// SQLite has one writer at a time: there, transactions wait for each other whatever the rows.
describe.each(dialects.filter((d) => d.name === 'postgres'))('daily counts on $name, concurrently', ({ create }) => {
  const current = useMigratedStorage(create);

  it('let a transaction count while another transaction counting the same thing is still open', async () => {
    const { db } = current.storage;
    const counts = current.repos.dailyCounts;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = db.transaction().execute(async (tx) => {
      await counts.add(tx, [received('2026-11-28')]);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // With one row per count the second would wait for the first's row lock, which waits for the second: it never ends.
    const second = db.transaction().execute((tx) => counts.add(tx, [received('2026-11-28')])).then(() => 'counted');
    const outcome = await Promise.race([second, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000))]);
    release();
    await first;
    await second;
    expect(outcome).toBe('counted');
    expect(await counts.series(db, 'received', '2026-11-28', '2026-11-28')).toEqual([{ day: '2026-11-28', n: 2 }]);
  });
});

describe.each(dialects)('the daily count shards migration on $name', ({ create }) => {
  let database: TestDatabase;
  let storage: Storage;
  afterEach(async () => {
    await storage.close();
    await database.drop();
  });

  it('keeps the counts already there', async () => {
    database = await create();
    storage = openStorage(database.url);
    await migrateUpTo(storage, '2026-11-29-001-carta');
    await sql`insert into daily_counts (day, metric, key, n) values ('2026-11-27', 'received', '', 41), ('2026-11-27', 'received_by_state', 'GO', 3)`.execute(storage.db);
    await migrateToLatest(storage);
    const repos = createRepositories(storage.dialect);
    await repos.dailyCounts.add(storage.db, [received('2026-11-27')]);
    expect(await repos.dailyCounts.totals(storage.db, ['received', 'received_by_state'], '2026-11-27', '2026-11-27')).toEqual(
      expect.arrayContaining([{ metric: 'received', key: '', n: 42 }, { metric: 'received_by_state', key: 'GO', n: 3 }]),
    );
  });
});
