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
    expect((await db.executeQuery(insert(rows))).rows).toEqual([{ wamid: 'wamid.1' }, { wamid: 'wamid.2' }]);
    const stored = await db.selectFrom('message_statuses').select(['wamid', 'status', 'recipient', 'occurred_at', 'error_code', 'payload']).orderBy('wamid').execute();
    expect(stored.map((s) => [s.wamid, s.status, s.recipient, Number(s.occurred_at), s.error_code, s.payload])).toEqual(rows);
  });

  it('builds the text once per row count, and still inserts more rows than it remembers', async () => {
    const { db, dialect } = current.storage;
    const insert = multiRowInsert(dialect, 'jobs', ['kind', 'payload', 'status', 'attempts', 'run_at', 'created_at', 'updated_at']);
    const job = (i: number) => ['test.job', JSON.stringify({ i }), 'pending', 0, i, i, i];
    expect(insert([job(1), job(2)]).sql).toBe(insert([job(3), job(4)]).sql);
    expect(insert([job(1)]).sql).not.toBe(insert([job(1), job(2)]).sql);
    await db.executeQuery(insert(Array.from({ length: 300 }, (_, i) => job(i))));
    const count = await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(300);
  });
});
