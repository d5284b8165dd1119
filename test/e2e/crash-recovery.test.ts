import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { openStorage } from '../../src/storage/database.js';
import { appDatabase, type TestDatabase } from '../support/databases.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const SECRET = 'crash-test-secret';
let graph: ScriptedGraph;
let database: TestDatabase;
let server: ServerProcess | undefined;

beforeAll(async () => {
  graph = new ScriptedGraph();
  await graph.start();
  database = await appDatabase();
});

afterAll(async () => {
  await server?.kill();
  await graph.stop();
  await database.drop();
});

const env = () => ({
  DATABASE_URL: database.url,
  WHATSAPP_GRAPH_URL: graph.url,
  WHATSAPP_ACCESS_TOKEN: 'crash-token',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_APP_SECRET: SECRET,
  // Sends cut by the kill wait this long for a status webhook before they are retried.
  WHATSAPP_UNCERTAIN_GRACE_MS: '2000',
});

const notification = (wamid: string, from: string) =>
  serializeLikeMeta({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      metadata: { phone_number_id: '106540352242922' },
      contacts: [{ profile: { name: 'Cidadã' }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: '1764331200', type: 'text', text: { body: `mensagem ${wamid}` } }],
    } }] }],
  });

const deliver = async (url: string, wamid: string, from: string): Promise<boolean> => {
  const body = notification(wamid, from);
  try {
    const response = await fetch(`${url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) },
      body,
    });
    return response.status === 200;
  } catch {
    return false;
  }
};

describe('a server killed with SIGKILL right after acknowledging', () => {
  it('processes and answers every acknowledged message after a restart', async () => {
    server = await startServerProcess(env());
    const acknowledged: string[] = [];
    let killed = false;
    const sendAll = Array.from({ length: 300 }, (_, i) => async () => {
      const wamid = `wamid.CRASH${i}`;
      if (await deliver(server!.url, wamid, `55639988${String(i % 40).padStart(5, '0')}`)) acknowledged.push(wamid);
      if (acknowledged.length >= 120 && !killed) {
        killed = true;
        server!.child.kill('SIGKILL');
      }
    });
    // Eight citizens' worth of requests in flight at a time, like Meta's concurrent deliveries.
    const queue = [...sendAll];
    await Promise.all(Array.from({ length: 8 }, async () => { while (queue.length > 0) await queue.shift()!(); }));
    expect(killed).toBe(true);
    await server.kill();
    expect(acknowledged.length).toBeGreaterThanOrEqual(120);

    server = await startServerProcess(env());
    const storage = openStorage(database.url);
    try {
      // On PostgreSQL other instances may share the queue, so a restarted one waits for the dead one's leases (60 s).
      const deadline = Date.now() + (process.env.TEST_APP_DATABASE === 'postgres' ? 120_000 : 60_000);
      let unanswered = acknowledged;
      while (unanswered.length > 0 && Date.now() < deadline) {
        const rows = await storage.db.selectFrom('outbox').select(['cause', 'id']).where('state', '=', 'accepted').execute();
        const answered = new Set(rows.map((r) => r.cause));
        unanswered = acknowledged.filter((wamid) => !answered.has(wamid));
        if (unanswered.length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(unanswered).toEqual([]);
      const rows = await storage.db.selectFrom('outbox').select(['cause', 'id']).where('cause', 'in', acknowledged).execute();
      const sentCallbacks = new Set(graph.sends().map((c) => c.body.biz_opaque_callback_data));
      for (const row of rows) expect(sentCallbacks.has(`outbox:${row.id}`)).toBe(true);
      // Each acknowledged message was answered exactly once.
      expect(new Set(rows.map((r) => r.cause)).size).toBe(rows.length);
    } finally {
      await storage.close();
    }
  }, 200_000);
});
