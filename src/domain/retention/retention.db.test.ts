import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { REDACTED_TEXT, redactOldMessages } from './index.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const OLD = NOW - 400 * DAY;
const RECENT = NOW - 10 * DAY;

describe.each(dialects)('message retention on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('replaces the words of finished messages older than the policy, in batches, once, leaving recent and unfinished ones', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const inbound = (wamid: string, at: number, processed: boolean) =>
      db.insertInto('inbound_messages').values({ wamid, citizen_key: 'ana', phone_number_id: '1', type: 'text', sent_at: at, received_at: at, payload: JSON.stringify({ content: { type: 'text', body: `texto ${wamid}` } }), processed_at: processed ? at : null }).execute();
    await inbound('w-old-1', OLD, true);
    await inbound('w-old-2', OLD + 1, true);
    await inbound('w-old-stuck', OLD + 2, false);
    await inbound('w-recent', RECENT, true);
    await repos.outbox.enqueue(db, [{ idempotencyKey: 'o1', recipient: 'ana', payload: { type: 'text', text: { body: 'Prazer, Ana!' } } }], OLD);
    await repos.outbox.enqueue(db, [{ idempotencyKey: 'o2', recipient: 'ana', payload: { type: 'text', text: { body: 'Recente' } } }], RECENT);
    await db.updateTable('outbox').set({ state: 'accepted' }).execute();
    const handoff = await db.insertInto('handoffs').values({ citizen_key: 'ana', department_id: null, message: null, attendance_open: 1, urgent: 0, status: 'closed', created_at: OLD, updated_at: OLD }).returning('id').executeTakeFirstOrThrow();
    await repos.handoffs.addMessage(db, Number(handoff.id), 'Meu endereço é Rua 3, casa 5', OLD);
    await repos.handoffs.addMessage(db, Number(handoff.id), 'Obrigada', RECENT);

    const policy = { months: 12, batch: 1 };
    const first = await redactOldMessages(db, repos, policy, NOW);
    expect(first).toEqual({ inbound: 1, outbound: 1, handoff: 1 });
    await redactOldMessages(db, repos, policy, NOW);
    expect(await redactOldMessages(db, repos, policy, NOW)).toEqual({ inbound: 0, outbound: 0, handoff: 0 });

    const payloads = await db.selectFrom('inbound_messages').select(['wamid', 'payload']).orderBy('id').execute();
    expect(payloads.map((p) => [p.wamid, (JSON.parse(p.payload) as { content: { body: string } }).content.body])).toEqual([
      ['w-old-1', REDACTED_TEXT],
      ['w-old-2', REDACTED_TEXT],
      ['w-old-stuck', 'texto w-old-stuck'],
      ['w-recent', 'texto w-recent'],
    ]);
    const sent = await db.selectFrom('outbox').select('payload').orderBy('id').execute();
    expect(sent.map((s) => (JSON.parse(s.payload) as { text: { body: string } }).text.body)).toEqual([REDACTED_TEXT, 'Recente']);
    const said = await db.selectFrom('handoff_messages').select('body').orderBy('id').execute();
    expect(said.map((s) => s.body)).toEqual([REDACTED_TEXT, 'Obrigada']);
  });

  it('keeps everything when the policy is 0 months', async () => {
    const { db } = current.storage;
    await current.repos.outbox.enqueue(db, [{ idempotencyKey: 'x', recipient: 'ana', payload: { type: 'text', text: { body: 'Antiga' } } }], OLD);
    await db.updateTable('outbox').set({ state: 'accepted' }).execute();
    expect(await redactOldMessages(db, current.repos, { months: 0, batch: 100 }, NOW)).toEqual({ inbound: 0, outbound: 0, handoff: 0 });
    expect((await db.selectFrom('outbox').select('payload').executeTakeFirstOrThrow()).payload).toContain('Antiga');
  });
});
