import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { approvedTemplate, optedInCitizens, seedCitizens } from '../../../test/support/broadcasts.js';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { template } from '../../channels/whatsapp-cloud/message-builders.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import type { OutboxRow } from '../../storage/schema.js';
import type { StaffViewer } from '../attendants/staff.js';
import { auditEntries } from '../audit/index.js';
import { receiveNotifications } from '../messaging/receive-notification.js';
import { advanceBroadcast, broadcastDetail, broadcastFailures, controlBroadcast, createBroadcast, refreshOptOuts, startDueBroadcasts, type RunnerContext } from './index.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const at = (local: string): number => new Date(`${local}-03:00`).getTime();
const MORNING = at('2026-12-01T10:00');
const coordinator: StaffViewer = { id: 1, name: 'Coordenação', role: 'coordinator', departmentId: null };

describe.each(dialects)('broadcast delivery on $name', ({ name, create }) => {
  const current = useMigratedStorage(create);
  const ctx = (window = 3): RunnerContext => ({ db: current.storage.db, repos: current.repos, city, window, snapshotChunk: 1000, cancelGraceMs: 60_000 });

  /** A broadcast to `count` opted-in citizens, started and with its audience copied. */
  const started = async (count: number, now = MORNING, topics: string[] = []): Promise<number> => {
    await seedCitizens(current.storage.db, optedInCitizens(count).map((c) => ({ ...c, topics })));
    await approvedTemplate(current.storage.db, current.repos, 'aviso_geral', 'Aviso: {{1}}');
    const deps = { db: current.storage.db, repos: current.repos, city, buildMessage: () => template('aviso_geral', 'pt_BR', ['obras na 104 Sul']) };
    const created = await createBroadcast(deps, coordinator, { title: 'Obras', template: { name: 'aviso_geral', language: 'pt_BR', parameters: ['obras na 104 Sul'] }, audience: { topics } }, now);
    if (!created.ok) throw new Error(created.error.message);
    await startDueBroadcasts(ctx(), now);
    await advanceBroadcast(ctx(), created.value.id, now);
    return created.value.id;
  };

  /** What the dispatcher would do: claim what may go now, and Meta accepts it (or refuses it with `refuse`). */
  const send = async (now: number, refuse: (row: OutboxRow) => number | undefined = () => undefined): Promise<OutboxRow[]> => {
    const { db } = current.storage;
    const rows = await current.repos.outbox.claim(db, now, 1000, 60_000);
    for (const row of rows) {
      const code = refuse(row);
      if (code) await current.repos.outbox.markRejected(db, row, code, `refused ${code}`, now);
      else await current.repos.outbox.markAccepted(db, row, `wamid.${row.id}`, now);
    }
    return rows;
  };

  const detail = async (id: number, now = MORNING) => (await broadcastDetail({ db: current.storage.db, repos: current.repos, timezone: city.timezone }, id, now))!;
  const outboxOf = (id: number) => current.storage.db.selectFrom('outbox').selectAll().where('cause', '=', `broadcast:${id}`).orderBy('id').execute();

  it('hands the outbox a few messages at a time, one per recipient, until everyone had their turn', async () => {
    const id = await started(7);
    let now = MORNING;
    for (let round = 0; round < 10 && (await detail(id)).status === 'sending'; round += 1) {
      // Two runners at once (two instances, or a restart mid-step) never hand over a message twice.
      await Promise.all([advanceBroadcast(ctx(), id, now), advanceBroadcast(ctx(), id, now)]);
      const waiting = (await outboxOf(id)).filter((r) => r.state === 'pending');
      expect(waiting.length).toBeLessThanOrEqual(3);
      await send((now += 1000));
    }
    const rows = await outboxOf(id);
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.recipient)).size).toBe(7);
    expect(rows.every((r) => r.idempotency_key === `broadcast:${id}:${r.recipient}` && r.state === 'accepted')).toBe(true);
    expect(await detail(id)).toMatchObject({ status: 'done', figures: { total: 7, sent: 7, failed: 0 }, etaSeconds: null });
  });

  it.runIf(name === 'postgres')('tells PostgreSQL how full the outbox is when a broadcast fills an empty window, and only then', async () => {
    const { db } = current.storage;
    const analyses = async () => Number((await sql<{ n: number }>`select analyze_count as n from pg_stat_user_tables where relname = 'outbox'`.execute(db)).rows[0]?.n);
    const id = await started(7);
    const before = await analyses();
    await advanceBroadcast(ctx(), id, MORNING);
    expect(await analyses()).toBe(before + 1);
    // The window is full: the next step hands over nothing and leaves the statistics alone.
    await advanceBroadcast(ctx(), id, MORNING + 1000);
    expect(await analyses()).toBe(before + 1);
    expect((await outboxOf(id)).filter((r) => r.state === 'pending')).toHaveLength(3);
    // Sent, the window is empty again: the next batch fills it, as at the start.
    await send(MORNING + 2000);
    await advanceBroadcast(ctx(), id, MORNING + 3000);
    expect(await analyses()).toBe(before + 2);
  });

  it('never sends a recipient twice, even when their recipient row is handed over again', async () => {
    const id = await started(2);
    await advanceBroadcast(ctx(), id, MORNING);
    await current.storage.db.updateTable('broadcast_recipients').set({ state: 'queued' }).where('broadcast_id', '=', id).execute();
    await advanceBroadcast(ctx(), id, MORNING + 1);
    expect(await outboxOf(id)).toHaveLength(2);
    const linked = await current.storage.db.selectFrom('broadcast_recipients').select(['state', 'outbox_id']).where('broadcast_id', '=', id).execute();
    expect(linked.every((r) => r.state === 'fed' && r.outbox_id !== null)).toBe(true);
  });

  it('records refusals and status webhooks per recipient and in the figures, never retrying a permanent error', async () => {
    const id = await started(6, MORNING);
    const ctx6 = ctx(10);
    await advanceBroadcast(ctx6, id, MORNING);
    const sent = await send(MORNING + 10, (row) => (row.recipient.endsWith('05') ? 131049 : undefined));
    await advanceBroadcast(ctx6, id, MORNING + 20);
    const byRecipient = new Map(sent.map((r) => [r.recipient.slice(-2), r]));
    const status = (suffix: string, value: string, errorCode?: number) => {
      const row = byRecipient.get(suffix)!;
      return { wamid: `wamid.${row.id}`, status: value, recipient: row.recipient, occurredAt: MORNING, errorCode, callbackData: `outbox:${row.id}`, raw: {} };
    };
    const statuses = [
      status('00', 'sent'), status('00', 'delivered'), status('00', 'read'),
      // Read without delivered (the chat was open), and a late delivered after it.
      status('01', 'read'), status('01', 'delivered'),
      status('02', 'delivered'), status('02', 'delivered'),
      status('03', 'sent'), status('03', 'failed', 131026),
      status('04', 'failed', 131050),
    ];
    // Two webhooks, the second repeating the first statuses (Meta delivers at least once).
    await receiveNotifications(current.storage.db, current.repos, [{ messages: [], statuses: statuses.slice(0, 6), kept: [] }], MORNING + 30, city.timezone);
    await receiveNotifications(current.storage.db, current.repos, [{ messages: [], statuses, kept: [] }], MORNING + 40, city.timezone);
    const d = await detail(id);
    expect(d).toMatchObject({ status: 'done', figures: { total: 6, sent: 5, delivered: 3, read: 2, failed: 3 }, failedByReason: { 131026: 1, 131049: 1, 131050: 1 } });
    const page = await broadcastFailures({ db: current.storage.db, repos: current.repos, timezone: city.timezone }, id, undefined, 2);
    expect(page?.failures.map((f) => [f.citizenKey.slice(-2), f.code])).toEqual([['05', 131049], ['04', 131050]]);
    const rest = await broadcastFailures({ db: current.storage.db, repos: current.repos, timezone: city.timezone }, id, page!.nextBefore!, 2);
    expect(rest?.failures.map((f) => f.code)).toEqual([131026]);
    expect(rest?.nextBefore).toBeNull();
    // The refused one is final: nothing claims it again.
    expect(await current.repos.outbox.claim(current.storage.db, MORNING + 3_600_000, 10, 1000)).toEqual([]);
  });

  it('stops at 21:00 with messages already handed over, and goes on at 08:00', async () => {
    const evening = at('2026-12-01T20:59:50');
    const id = await started(5, evening);
    await advanceBroadcast(ctx(), id, evening);
    expect((await outboxOf(id)).map((r) => r.send_before)).toEqual([at('2026-12-01T21:00'), at('2026-12-01T21:00'), at('2026-12-01T21:00')]);
    expect(await current.repos.outbox.claim(current.storage.db, evening + 5_000, 1, 60_000)).toHaveLength(1);
    // From 21:00 nothing is claimed, and nothing more is handed over.
    expect(await current.repos.outbox.claim(current.storage.db, at('2026-12-01T21:00'), 10, 60_000)).toEqual([]);
    await advanceBroadcast(ctx(), id, at('2026-12-01T21:00:05'));
    await advanceBroadcast(ctx(), id, at('2026-12-02T03:00'));
    expect(await outboxOf(id)).toHaveLength(3);
    expect(await detail(id, at('2026-12-02T03:00'))).toMatchObject({ status: 'sending', quietUntil: at('2026-12-02T08:00'), ratePerSecond: 0 });
    await advanceBroadcast(ctx(), id, at('2026-12-02T08:00:01'));
    expect(await current.repos.outbox.claim(current.storage.db, at('2026-12-02T08:00:02'), 10, 60_000)).toHaveLength(2);
  });

  it('starts a broadcast due during the quiet hours at 08:00, and only once when two runners race', async () => {
    await seedCitizens(current.storage.db, optedInCitizens(1));
    await approvedTemplate(current.storage.db, current.repos, 'aviso_geral', 'Aviso: {{1}}');
    const deps = { db: current.storage.db, repos: current.repos, city, buildMessage: () => template('aviso_geral', 'pt_BR', ['x']) };
    await createBroadcast(deps, coordinator, { title: 'Feira', template: { name: 'aviso_geral', language: 'pt_BR', parameters: ['x'] }, audience: {}, sendAt: at('2026-12-01T20:55') }, MORNING);
    // The server was down at 20:55 and is back at 21:30.
    expect(await startDueBroadcasts(ctx(), at('2026-12-01T21:30'))).toBe(0);
    const both = await Promise.all([startDueBroadcasts(ctx(), at('2026-12-02T08:00')), startDueBroadcasts(ctx(), at('2026-12-02T08:00'))]);
    expect(both[0] + both[1]).toBe(1);
  });

  it('pauses at once, resumes, and cancels without sending what was still waiting', async () => {
    const id = await started(6);
    const { db } = current.storage;
    await advanceBroadcast(ctx(), id, MORNING);
    const control = (action: 'pause' | 'resume' | 'cancel', now: number) => controlBroadcast({ db, repos: current.repos }, coordinator, id, action, now);
    expect(await control('pause', MORNING + 1)).toMatchObject({ ok: true });
    expect(await current.repos.outbox.claim(db, MORNING + 2, 10, 60_000)).toEqual([]);
    await advanceBroadcast(ctx(), id, MORNING + 3);
    expect(await outboxOf(id)).toHaveLength(3);
    expect(await control('pause', MORNING + 4)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });

    expect(await control('resume', MORNING + 5)).toMatchObject({ ok: true });
    await advanceBroadcast(ctx(), id, MORNING + 6);
    expect(await send(MORNING + 7)).toHaveLength(3);
    await advanceBroadcast(ctx(), id, MORNING + 8);
    expect(await control('cancel', MORNING + 9)).toMatchObject({ ok: true });
    expect(await current.repos.outbox.claim(db, MORNING + 10, 10, 60_000)).toEqual([]);
    // Sends in flight get a minute to finish; then what still waits is withdrawn for good.
    await advanceBroadcast(ctx(), id, MORNING + 30_000);
    expect((await outboxOf(id)).filter((r) => r.state === 'pending')).toHaveLength(3);
    await advanceBroadcast(ctx(), id, MORNING + 70_000);
    expect((await outboxOf(id)).map((r) => r.state)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    expect(await detail(id)).toMatchObject({ status: 'cancelled', figures: { total: 6, sent: 3 } });
    expect(await control('resume', MORNING + 80_000)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const actions = (await auditEntries(db, current.repos, { subjectType: 'broadcast', limit: 10 })).map((e) => e.action);
    expect(actions).toEqual(['broadcast.cancel', 'broadcast.resume', 'broadcast.pause', 'broadcast.created']);
  });

  it('pauses by itself when Meta refuses the template, instead of failing every recipient', async () => {
    const id = await started(6);
    await advanceBroadcast(ctx(), id, MORNING);
    // The template was paused at Meta after the broadcast started.
    await send(MORNING + 1, () => 132015);
    await advanceBroadcast(ctx(), id, MORNING + 2);
    expect(await detail(id)).toMatchObject({ status: 'paused', figures: { sent: 0, failed: 3 }, failedByReason: { 132015: 3 } });
    expect(await outboxOf(id)).toHaveLength(3);
    const [entry] = await auditEntries(current.storage.db, current.repos, { subjectType: 'broadcast', limit: 1 });
    expect(entry).toMatchObject({ action: 'broadcast.pause', actorUserId: null, details: { reason: 'template_refused', code: 132015 } });
  });

  it('counts the recipients who left the list or the broadcast topics after it started', async () => {
    const id = await started(4, MORNING, ['saude']);
    const { db } = current.storage;
    const [a, b] = optedInCitizens(2).map((c) => c.key);
    await db.updateTable('citizen_profiles').set({ broadcast_opted_out_at: MORNING + 1 }).where('citizen_key', '=', a!).execute();
    await db.deleteFrom('citizen_topics').where('citizen_key', '=', b!).execute();
    await refreshOptOuts(ctx(), MORNING + 2);
    expect((await detail(id)).figures.optedOut).toBe(2);
  });
});
