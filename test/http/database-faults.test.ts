import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { openStorage } from '../../src/storage/database.js';
import { postgresDatabase, postgresUrl, sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { startTestApp, TEST_APP_SECRET, type TestApp } from '../support/test-app.js';

const opened: Array<{ graph: ScriptedGraph; testApp: TestApp }> = [];

afterEach(async () => {
  for (const { graph, testApp } of opened.splice(0)) {
    await testApp.close();
    await graph.stop();
  }
});

const start = async (database: TestDatabase) => {
  const graph = new ScriptedGraph();
  await graph.start();
  const testApp = await startTestApp({ graphUrl: graph.url, database, env: { WHATSAPP_MAX_MPS: '1000' } });
  opened.push({ graph, testApp });
  return { graph, testApp };
};

const notification = (i: number) =>
  serializeLikeMeta({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      metadata: { phone_number_id: '106540352242922' },
      contacts: [{ profile: { name: 'Cidadã' }, wa_id: `55639977${String(i).padStart(5, '0')}` }],
      messages: [{ from: `55639977${String(i).padStart(5, '0')}`, id: `wamid.FAULT${i}`, timestamp: '1764331200', type: 'text', text: { body: `oi ${'com calma '.repeat(30)}` } }],
    } }] }],
  });

const deliver = async (url: string, i: number): Promise<number> => {
  const body = notification(i);
  return fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(TEST_APP_SECRET, body) }, body })
    .then((response) => response.status, () => 0);
};

/** Delivers each notification until it is acknowledged, as Meta retries whatever was not answered 200. */
const deliverUntilAcknowledged = async (url: string, numbers: number[]): Promise<number> => {
  let refused = 0;
  for (let round = 0; round < 50; round += 1) {
    const statuses = await Promise.all(numbers.map((i) => deliver(url, i)));
    numbers = numbers.filter((_, n) => statuses[n] !== 200);
    refused += numbers.length;
    if (numbers.length === 0) return refused;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${numbers.length} notifications never acknowledged`);
};

const answeredOnce = async (testApp: TestApp, graph: ScriptedGraph, count: number) => {
  const { db } = testApp.app.storage;
  expect((await db.selectFrom('inbound_messages').select('wamid').execute()).length).toBe(count);
  await graph.waitForSends(count, 30_000);
  const recipients = graph.sends().map((send) => String(send.body.to));
  // Every citizen got the first step of the conversation exactly once.
  expect(new Set(recipients).size).toBe(count);
};

describe('database faults', () => {
  it('a full disk (SQLite) refuses notifications with 503, losing none once there is room again', async () => {
    const database = sqliteDatabase();
    const { graph, testApp } = await start(database);
    const { db } = testApp.app.storage;
    const pages = Number((await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0]?.page_count);
    await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(db);
    const statuses: number[] = [];
    for (let i = 0; i < 120 && !statuses.includes(503); i += 1) statuses.push(await deliver(testApp.url, i));
    expect(statuses).toContain(503);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    await deliverUntilAcknowledged(testApp.url, statuses.map((_, i) => i));
    await answeredOnce(testApp, graph, statuses.length);
    expect(await (await fetch(`${testApp.url}/metrics`)).text()).toMatch(/whatsapp_webhook_requests_total\{outcome="store_failed"\} [1-9]/);
  }, 60_000);

  it('a write lock held by another process (SQLite busy) makes intake wait, not fail', async () => {
    const database = sqliteDatabase();
    const { graph, testApp } = await start(database);
    const other = openStorage(database.url);
    try {
      const held = other.db.transaction().execute(async (tx) => {
        await sql`insert into settings (key, value, updated_at) values ('busy-test', 'x', 0)`.execute(tx);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const statuses = await Promise.all([0, 1, 2, 3, 4].map((i) => deliver(testApp.url, i)));
      await held;
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      await answeredOnce(testApp, graph, 5);
    } finally {
      await other.close();
    }
  }, 60_000);

  it.skipIf(!postgresUrl)('PostgreSQL dropping every connection mid-load loses nothing and answers everyone once', async () => {
    const database = await postgresDatabase();
    const { graph, testApp } = await start(database);
    const name = new URL(database.url).pathname.slice(1);
    const first = deliverUntilAcknowledged(testApp.url, Array.from({ length: 40 }, (_, i) => i));
    await new Promise((resolve) => setTimeout(resolve, 150));
    // What a PostgreSQL restart does to the app's connections (the server itself is shared by other tests).
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    await admin.end();
    await first;
    await deliverUntilAcknowledged(testApp.url, Array.from({ length: 40 }, (_, i) => 40 + i));
    expect(killed.rowCount).toBeGreaterThan(0);
    await answeredOnce(testApp, graph, 80);
  }, 90_000);
});
