import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postgresDatabase, postgresUrl } from '../support/databases.js';
import { eventually, failFirstCalls } from '../support/faults.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let graph: ScriptedGraph;
let testApp: TestApp;

beforeEach(async () => {
  graph = new ScriptedGraph();
  await graph.start();
  testApp = await startTestApp({ graphUrl: graph.url });
});

afterEach(async () => {
  await testApp.close();
  await graph.stop();
});

const enqueue = async (recipient: string, ...bodies: string[]) => {
  const { app } = testApp;
  await app.repos.outbox.enqueue(
    app.storage.db,
    bodies.map((body, i) => ({ idempotencyKey: `${recipient}:${body}:${i}`, recipient, payload: { type: 'text', text: { body } } })),
    app.clock.now().getTime(),
  );
  app.dispatcher.wake.notify();
};

const rowsOf = (recipient: string) => testApp.app.repos.outbox.forRecipient(testApp.app.storage.db, recipient);

/** Makes retries due now instead of after their backoff, so tests need not wait seconds. */
const hurryRetries = async () => {
  await testApp.app.storage.db.updateTable('outbox').set({ next_attempt_at: 0 }).where('state', '=', 'pending').execute();
  testApp.app.dispatcher.wake.notify();
};

describe('outbox dispatcher', () => {
  it('sends one citizen messages in order, with an idempotency key as callback data', async () => {
    await enqueue('5563999991001', 'primeira', 'segunda', 'terceira');
    const sends = await graph.waitForSends(3, 5_000, '5563999991001');
    expect(sends.map((c) => (c.body.text as { body: string }).body)).toEqual(['primeira', 'segunda', 'terceira']);
    const rows = await rowsOf('5563999991001');
    expect(sends.map((c) => c.body.biz_opaque_callback_data)).toEqual(rows.map((r) => `outbox:${r.id}`));
    await eventually(async () => (await rowsOf('5563999991001')).every((r) => r.state === 'accepted'));
  });

  it.each([131000, 131016, 130429, 131056])('retries error %i and then delivers', async (code) => {
    graph.failNext(code, code === 131000 || code === 131016 ? 500 : 400);
    await enqueue('5563999991002', 'olá');
    await eventually(async () => (await rowsOf('5563999991002'))[0]?.error_code === code);
    const [row] = await rowsOf('5563999991002');
    expect(row?.state).toBe('pending');
    expect(row!.next_attempt_at - Date.now()).toBeGreaterThan(code === 131056 ? 5_000 : 500);
    await hurryRetries();
    await eventually(async () => (await rowsOf('5563999991002'))[0]?.state === 'accepted');
    expect(graph.sends().filter((c) => c.body.to === '5563999991002')).toHaveLength(2);
  });

  it.each([131026, 131047, 131049, 131050, 132000, 132001, 368])('does not retry permanent error %i', async (code) => {
    graph.failNext(code);
    await enqueue('5563999991003', 'olá', 'depois');
    await eventually(async () => (await rowsOf('5563999991003'))[0]?.state === 'rejected');
    expect((await rowsOf('5563999991003'))[0]?.error_code).toBe(code);
    // A rejected message does not block the citizen's next one.
    await eventually(async () => (await rowsOf('5563999991003'))[1]?.state === 'accepted');
  });

  it('sends the fallback template when Meta says the 24-hour window closed (131047), once', async () => {
    const { app } = testApp;
    const fallback = { type: 'template', template: { name: 'protocolo_atualizado', language: { code: 'pt_BR' } } };
    await app.repos.outbox.enqueue(app.storage.db, [{ idempotencyKey: 'late-notice', recipient: '5563999991010', payload: { type: 'text', text: { body: 'Novidade' } }, fallback }], app.clock.now().getTime());
    graph.failNext(131047);
    app.dispatcher.wake.notify();
    const sends = await graph.waitForSends(2, 5_000, '5563999991010');
    expect(sends.map((c) => c.body.type)).toEqual(['text', 'template']);
    await eventually(async () => (await rowsOf('5563999991010'))[0]?.state === 'accepted');
    const [row] = await rowsOf('5563999991010');
    expect(row?.fallback_payload).toBeNull();
    expect(JSON.parse(row?.payload ?? '{}')).toEqual(fallback);
  });

  it('pauses all sending on an invalid token (190) and resumes when told', async () => {
    graph.failNext(190, 401);
    await enqueue('5563999991004', 'olá');
    await eventually(async () => testApp.app.pause.isPaused());
    const metrics = await testApp.app.http.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/whatsapp_sending_paused 1/);
    await enqueue('5563999991005', 'outra');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(graph.sends().filter((c) => c.body.to === '5563999991005')).toHaveLength(0);
    await testApp.app.pause.resume();
    testApp.app.dispatcher.wake.notify();
    await graph.waitForSends(1, 5_000, '5563999991005');
    await graph.waitForSends(2, 5_000, '5563999991004');
    await eventually(async () => (await rowsOf('5563999991004'))[0]?.state === 'accepted');
    // The refused attempt never counted: the token, not the message, was at fault.
    expect((await rowsOf('5563999991004'))[0]?.attempts).toBe(1);
  });

  it('resumes by itself once Meta accepts the token again, checking no more often than it is told', async () => {
    await testApp.close();
    testApp = await startTestApp({ graphUrl: graph.url, env: { WHATSAPP_TOKEN_PROBE_MS: '300' } });
    graph.tokenRefused = true;
    await enqueue('5563999991006', 'olá');
    await eventually(async () => testApp.app.pause.isPaused());
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await testApp.app.pause.isPaused()).toBe(true);
    const probes = graph.calls.filter((c) => c.method === 'GET' && c.path.includes('fields=id'));
    expect(probes.length).toBeGreaterThanOrEqual(1);
    expect(probes.length).toBeLessThanOrEqual(5);

    graph.tokenRefused = false;
    await graph.waitForSends(2, 5_000, '5563999991006');
    await eventually(async () => (await rowsOf('5563999991006'))[0]?.state === 'accepted');
    expect(await testApp.app.pause.isPaused()).toBe(false);
    const metrics = await testApp.app.http.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/whatsapp_sending_paused 0/);
  });

  it('waits for a status webhook before resending a message whose outcome is unknown', async () => {
    graph.respondNext({ status: 200, body: {}, delayMs: Infinity });
    const { app } = testApp;
    await app.repos.outbox.enqueue(app.storage.db, [{ idempotencyKey: 'hang', recipient: '5563999991006', payload: { type: 'text', text: { body: 'x' } } }], Date.now());
    app.dispatcher.wake.notify();
    await graph.waitForSends(1, 5_000, '5563999991006');
    // While the request hangs, Meta's status webhook (carrying our callback data) settles the message.
    const [row] = await rowsOf('5563999991006');
    await app.repos.outbox.applyDeliveries(app.storage.db, [{ wamid: 'wamid.LATE', status: 'sent', errorCode: null, outboxId: row!.id }], Date.now());
    expect((await rowsOf('5563999991006'))[0]).toMatchObject({ state: 'accepted', wamid: 'wamid.LATE' });
    graph.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await rowsOf('5563999991006'))[0]).toMatchObject({ state: 'accepted', attempts: 1 });
    expect(graph.sends().filter((c) => c.body.to === '5563999991006')).toHaveLength(1);
  });

  it('treats a success answer without a message id as an unknown outcome, not as a failure to retry at once', async () => {
    graph.respondNext({ status: 200, body: 'página do proxy' });
    await enqueue('5563999991007', 'olá');
    await graph.waitForSends(1, 5_000, '5563999991007');
    await eventually(async () => (await rowsOf('5563999991007'))[0]?.state === 'pending');
    const [row] = await rowsOf('5563999991007');
    // It waits for the status webhook that would name it (WHATSAPP_UNCERTAIN_GRACE_MS) before sending again.
    expect(row!.next_attempt_at - Date.now()).toBeGreaterThan(20_000);
    expect(row!.error_code).toBeNull();
  });

  it('never sends again a message Meta accepted while the database failed to record it', async () => {
    const failures = failFirstCalls(testApp.app.repos.outbox, 'markAcceptedMany', 3);
    await enqueue('5563999991008', 'olá');
    await eventually(async () => (await rowsOf('5563999991008'))[0]?.state === 'accepted');
    await hurryRetries();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(failures.remaining()).toBe(0);
    expect((await rowsOf('5563999991008'))[0]).toMatchObject({ state: 'accepted', attempts: 1 });
    expect(graph.sends().filter((c) => c.body.to === '5563999991008')).toHaveLength(1);
  });

  it('keeps within WHATSAPP_MAX_MPS', async () => {
    await testApp.close();
    testApp = await startTestApp({ graphUrl: graph.url, env: { WHATSAPP_MAX_MPS: '20' } });
    for (let i = 0; i < 40; i += 1) await enqueue(`55639999920${String(i).padStart(2, '0')}`, 'aviso');
    const started = Date.now();
    await eventually(async () => graph.sends().length >= 40, 10_000);
    const sends = graph.sends();
    const firstSecond = sends.filter((c) => c.at - started < 1_000).length;
    expect(firstSecond).toBeLessThanOrEqual(20 + 20);
    expect(sends[39]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it.runIf(postgresUrl)('refreshes PostgreSQL\'s statistics of the outbox once a claim finds more waiting than it can take', async () => {
    await testApp.close();
    testApp = await startTestApp({ graphUrl: graph.url, database: await postgresDatabase(), env: { WHATSAPP_MAX_MPS: '1000', OUTBOX_CONCURRENCY: '4' } });
    const { db } = testApp.app.storage;
    // Autovacuum must not do it for us meanwhile.
    await sql`alter table outbox set (autovacuum_enabled = false)`.execute(db);
    const analyses = async () => Number((await sql<{ n: number }>`select analyze_count as n from pg_stat_user_tables where relname = 'outbox'`.execute(db)).rows[0]?.n);
    const before = await analyses();
    // One message: the claim finds less than it could take, and the statistics are left alone.
    await enqueue('5563999993000', 'olá');
    await eventually(async () => (await rowsOf('5563999993000'))[0]?.state === 'accepted');
    expect(await analyses()).toBe(before);
    // Forty citizens at once, four at a time: the claim comes back full.
    for (let i = 1; i <= 40; i += 1) await enqueue(`55639999930${String(i).padStart(2, '0')}`, 'aviso');
    await eventually(async () => graph.sends().length >= 41, 10_000);
    await eventually(async () => (await analyses()) > before);
  });
});
