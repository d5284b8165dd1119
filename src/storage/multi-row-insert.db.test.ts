import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../test/support/databases.js';
import { multiRowInsert } from './multi-row-insert.js';

describe.each(dialects)('multi-row inserts on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('inserts every row with its values bound as given, and returns what RETURNING names', async () => {
    const { db, dialect } = current.storage;
    const insert = multiRowInsert<'message_statuses', { wamid: string }>(dialect, 'message_statuses',
      ['wamid', 'status', 'recipient', 'occurred_at', 'error_code', 'payload'], 'returning "wamid"');
    const rows = [['wamid.1', 'failed', '5563999991234', 1, 131026, "{\"texto\":\"ç'; --\"}"], ['wamid.2', 'sent', '5563999995678', 2, null, '{}']];
    expect(await insert(db, rows)).toEqual([{ wamid: 'wamid.1' }, { wamid: 'wamid.2' }]);
    const stored = await db.selectFrom('message_statuses').select(['wamid', 'status', 'recipient', 'occurred_at', 'error_code', 'payload']).orderBy('wamid').execute();
    expect(stored.map((s) => [s.wamid, s.status, s.recipient, Number(s.occurred_at), s.error_code, s.payload])).toEqual(rows);
  });

  it('inserts more rows than one statement takes, in order, returning them all', async () => {
    const { db, dialect } = current.storage;
    const insert = multiRowInsert<'jobs', { payload: string }>(dialect, 'jobs', ['kind', 'payload', 'status', 'attempts', 'run_at', 'created_at', 'updated_at'], 'returning "payload"');
    const jobs = Array.from({ length: 600 }, (_, i) => ['test.job', String(i), 'pending', 0, i, i, i]);
    expect((await insert(db, jobs)).map((row) => Number(row.payload))).toEqual(jobs.map((_, i) => i));
    const stored = await db.selectFrom('jobs').select('payload').orderBy('id').execute();
    expect(stored.map((row) => Number(row.payload))).toEqual(jobs.map((_, i) => i));
    expect(await insert(db, [])).toEqual([]);
  });
});
