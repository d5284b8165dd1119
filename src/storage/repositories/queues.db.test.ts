import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import type { DeliveryStatus } from '../schema.js';

describe.each(dialects)('queues on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('runs one group at a time, in order, and other groups alongside', async () => {
    const { db } = current.storage;
    for (const [group, n] of [['a', 1], ['a', 2], ['b', 1], ['a', 3]] as const) await current.repos.jobs.enqueue(db, { kind: 'k', groupKey: group, payload: { group, n } }, 0);
    const first = await current.repos.jobs.claim(db, 0, 10, 1000, new Set());
    expect(first.map((j) => JSON.parse(j.payload))).toEqual([{ group: 'a', n: 1 }, { group: 'b', n: 1 }]);
    expect(first.map((j) => j.attempts)).toEqual([1, 1]);
    expect(await current.repos.jobs.claim(db, 0, 10, 1000, new Set(first.map((j) => j.id)))).toEqual([]);
    await current.repos.jobs.markDone(db, first[0]!, 1);
    const second = await current.repos.jobs.claim(db, 1, 10, 1000, new Set([first[1]!.id]));
    expect(second.map((j) => JSON.parse(j.payload))).toEqual([{ group: 'a', n: 2 }]);
  });

  it('keeps later jobs of a group waiting while an earlier one waits for its retry', async () => {
    const { db } = current.storage;
    await current.repos.jobs.enqueue(db, { kind: 'k', groupKey: 'a', payload: 1 }, 0);
    await current.repos.jobs.enqueue(db, { kind: 'k', groupKey: 'a', payload: 2 }, 0);
    const [job] = await current.repos.jobs.claim(db, 0, 10, 1000, new Set());
    await current.repos.jobs.scheduleRetry(db, job!, 5_000, 'boom', 0);
    expect((await current.repos.jobs.claim(db, 5_000, 10, 1000, new Set()))[0]?.attempts).toBe(2);
    await current.repos.jobs.scheduleRetry(db, { id: job!.id, attempts: 2 }, 5_000, 'boom', 0);
    expect(await current.repos.jobs.claim(db, 1_000, 10, 1000, new Set())).toEqual([]);
    expect((await current.repos.jobs.claim(db, 5_000, 10, 1000, new Set())).map((j) => j.payload)).toEqual(['1']);
  });

  it('gives a job back when its worker died', async () => {
    const { db } = current.storage;
    await current.repos.jobs.enqueue(db, { kind: 'k', payload: 1 }, 0);
    await current.repos.jobs.claim(db, 0, 10, 1000, new Set());
    if (current.storage.dialect === 'postgres') {
      // Claims are durable leases: another instance sees the job only once the lease expired.
      expect(await current.repos.jobs.claim(db, 500, 10, 1000, new Set())).toEqual([]);
      expect(await current.repos.jobs.releaseExpired(db, 500)).toBe(0);
      expect(await current.repos.jobs.releaseExpired(db, 1_001)).toBe(1);
      expect((await current.repos.jobs.claim(db, 1_001, 10, 1000, new Set()))[0]?.attempts).toBe(2);
    } else {
      // One process serves SQLite: a restarted process (nothing in flight) takes the job again.
      expect((await current.repos.jobs.claim(db, 500, 10, 1000, new Set()))[0]?.payload).toBe('1');
    }
  });

  it('sends one citizen messages in order and ignores a repeated idempotency key', async () => {
    const { db } = current.storage;
    const message = (key: string, recipient: string) => ({ idempotencyKey: key, recipient, payload: { key } });
    expect(await current.repos.outbox.enqueue(db, [message('m1', 'ana'), message('m2', 'ana'), message('m3', 'bia')], 0)).toBe(3);
    expect(await current.repos.outbox.enqueue(db, [message('m1', 'ana')], 0)).toBe(0);
    const first = await current.repos.outbox.claim(db, 0, 10, 1000);
    expect(first.map((r) => r.idempotency_key)).toEqual(['m1', 'm3']);
    expect(await current.repos.outbox.claim(db, 0, 10, 1000)).toEqual([]);
    await current.repos.outbox.markAccepted(db, first[0]!, 'wamid.1', 1);
    expect((await current.repos.outbox.claim(db, 1, 10, 1000)).map((r) => r.idempotency_key)).toEqual(['m2']);
  });

  it('claims replies before broadcast messages, and never a message past its send_before', async () => {
    const { db } = current.storage;
    const bulk = (key: string, recipient: string, sendBefore: number | null) => ({
      idempotency_key: key, recipient, payload: '{}', state: 'pending' as const, attempts: 0, next_attempt_at: 0, created_at: 0, updated_at: 0, priority: 1, send_before: sendBefore,
    });
    await db.insertInto('outbox').values([bulk('b1', 'ana', 100), bulk('b2', 'bia', 100), bulk('b3', 'caio', 5)]).execute();
    await current.repos.outbox.enqueue(db, [{ idempotencyKey: 'r1', recipient: 'ana', payload: {} }, { idempotencyKey: 'r2', recipient: 'davi', payload: {} }], 0);
    // Ana's reply goes before her older broadcast message; Caio's message is held (send_before passed).
    const claimed = await current.repos.outbox.claim(db, 10, 10, 1000);
    expect(claimed.map((r) => r.idempotency_key)).toEqual(['r1', 'r2', 'b2']);
    await current.repos.outbox.markAccepted(db, claimed[0]!, 'wamid.r1', 11);
    expect((await current.repos.outbox.claim(db, 11, 10, 1000)).map((r) => r.idempotency_key)).toEqual(['b1']);
  });

  it('keeps a message that was in flight when the process died waiting for its status webhook', async () => {
    const { db } = current.storage;
    await current.repos.outbox.enqueue(db, [{ idempotencyKey: 'x', recipient: 'ana', payload: {} }], 0);
    await current.repos.outbox.claim(db, 0, 10, 60_000);
    // A restart on SQLite (everything) or an expired lease on PostgreSQL gives it back, due only after the grace.
    const sqlite = current.storage.dialect === 'sqlite';
    expect(await current.repos.outbox.releaseExpired(db, 10, 30_000, sqlite)).toBe(sqlite ? 1 : 0);
    const releasedAt = sqlite ? 10 : 60_001;
    if (!sqlite) expect(await current.repos.outbox.releaseExpired(db, releasedAt, 30_000)).toBe(1);
    expect(await current.repos.outbox.claim(db, releasedAt + 29_999, 10, 1000)).toEqual([]);
    expect((await current.repos.outbox.claim(db, releasedAt + 30_000, 10, 1000))[0]?.attempts).toBe(2);
  });

  it('applies delivery statuses monotonically, in one list or several, and settles a message by its callback data', async () => {
    const { db } = current.storage;
    const { outbox } = current.repos;
    await outbox.enqueue(db, [{ idempotencyKey: 'x', recipient: 'ana', payload: {} }, { idempotencyKey: 'y', recipient: 'bia', payload: {} }], 0);
    const [x, y] = await outbox.claim(db, 0, 10, 1000);
    await outbox.markAccepted(db, y!, 'wamid.Y', 5);
    const status = (wamid: string, s: DeliveryStatus, errorCode: number | null = null, outboxId: number | null = null) => ({ wamid, status: s, errorCode, outboxId });
    // The process died before recording Meta's answer to x; the status webhook names the row, and is counted once.
    expect(await outbox.applyDeliveries(db, [status('wamid.X', 'sent', null, x!.id), status('wamid.Y', 'sent'), status('wamid.NOBODY', 'read')], 10)).toBe(1);
    expect(await outbox.applyDeliveries(db, [status('wamid.X', 'read'), status('wamid.X', 'delivered'), status('wamid.X', 'failed', 131026), status('wamid.Y', 'failed', 131049)], 11)).toBe(0);
    expect(await outbox.applyDeliveries(db, [status('wamid.Y', 'sent'), status('wamid.Y', 'delivered')], 12)).toBe(0);
    expect(await outbox.byId(db, x!.id)).toMatchObject({ state: 'accepted', wamid: 'wamid.X', delivery: 'read', error_code: null });
    // A failure keeps its code when a later delivered status outranks it.
    expect(await outbox.byId(db, y!.id)).toMatchObject({ state: 'accepted', wamid: 'wamid.Y', delivery: 'delivered', error_code: 131049 });
  });

  it('deduplicates inbound messages and statuses', async () => {
    const { db } = current.storage;
    const inbound = { wamid: 'wamid.A', citizenKey: 'ana', phoneNumberId: '1', type: 'text', sentAt: 0, payload: {} };
    expect(await current.repos.inbound.insertIfNew(db, inbound, 0)).toBe(true);
    expect(await current.repos.inbound.insertIfNew(db, inbound, 1)).toBe(false);
    const status = { wamid: 'wamid.B', status: 'read', recipient: 'ana', occurredAt: 0, errorCode: null, payload: {} };
    const other = { ...status, status: 'delivered' };
    expect(await current.repos.statuses.insertManyIfNew(db, [status, other, status])).toEqual([true, true, false]);
    expect(await current.repos.statuses.insertManyIfNew(db, [other, { ...status, wamid: 'wamid.C' }])).toEqual([false, true]);
  });

  it('records a citizen once and keeps the latest contact time', async () => {
    const { db } = current.storage;
    await current.repos.citizens.recordContact(db, { key: 'ana', waId: 'ana', userId: undefined, profileName: 'Ana', at: 100 });
    const again = await current.repos.citizens.recordContact(db, { key: 'ana', waId: 'ana', userId: 'user.1', profileName: undefined, at: 50 });
    expect(again).toMatchObject({ profile_name: 'Ana', user_id: 'user.1', first_seen_at: 100, last_inbound_at: 100 });
  });
});

describe.each(dialects)('recording sends Meta accepted on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('marks a group of sends accepted at once and counts only those not recorded before', async () => {
    const { db } = current.storage;
    const { outbox } = current.repos;
    await outbox.enqueue(db, ['a', 'b', 'c'].map((body) => ({ idempotencyKey: body, recipient: `5563999${body}`, payload: { type: 'text', text: { body } } })), 0);
    const claimed = await outbox.claim(db, 0, 10, 60_000);
    expect(claimed).toHaveLength(3);
    // Meta's status webhook recorded the first one already.
    await outbox.markAccepted(db, claimed[0]!, 'wamid.A', 1);
    const counted: number[] = [];
    await outbox.markAcceptedMany(db, claimed.map((row, i) => ({ row, wamid: `wamid.${'ABC'[i]}` })), 2, async (_tx, n) => void counted.push(n));
    expect(counted).toEqual([2]);
    const rows = await db.selectFrom('outbox').select(['state', 'wamid', 'attempts', 'accepted_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { state: 'accepted', wamid: 'wamid.A', attempts: 1, accepted_at: 1 },
      { state: 'accepted', wamid: 'wamid.B', attempts: 1, accepted_at: 2 },
      { state: 'accepted', wamid: 'wamid.C', attempts: 1, accepted_at: 2 },
    ]);
  });
});
