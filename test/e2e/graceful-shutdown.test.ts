import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { openStorage } from '../../src/storage/database.js';
import { appDatabase, type TestDatabase } from '../support/databases.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const SECRET = 'graceful-test-secret';
const CITIZEN = '5563999770001';
let graph: ScriptedGraph;
let database: TestDatabase;
let server: ServerProcess | undefined;

beforeAll(async () => {
  graph = new ScriptedGraph();
  await graph.start();
  database = await appDatabase();
});

afterAll(async () => {
  await server?.kill('SIGKILL');
  await graph.stop();
  await database.drop();
});

const deliver = async (url: string, wamid: string): Promise<number> => {
  const body = serializeLikeMeta({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      metadata: { phone_number_id: '106540352242922' },
      contacts: [{ profile: { name: 'Cidadã' }, wa_id: CITIZEN }],
      messages: [{ from: CITIZEN, id: wamid, timestamp: '1764331200', type: 'text', text: { body: 'oi' } }],
    } }] }],
  });
  return fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) }, body })
    .then((response) => response.status, () => 0);
};

describe('a server told to stop (SIGTERM) while a reply is on its way to Meta', () => {
  it('takes no more messages, finishes the send in flight, leaves nothing half done and exits 0 within 10 s', async () => {
    server = await startServerProcess({
      DATABASE_URL: database.url,
      WHATSAPP_GRAPH_URL: graph.url,
      WHATSAPP_ACCESS_TOKEN: 'graceful-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_APP_SECRET: SECRET,
    });
    // Meta takes three seconds to answer the bot's first reply.
    graph.respondNext({ status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.SLOWREPLY' }] }, delayMs: 3_000 });
    expect(await deliver(server.url, 'wamid.GRACEFUL1')).toBe(200);
    await graph.waitForSends(1, 10_000, CITIZEN);

    const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) => {
      const from = Date.now();
      server!.child.once('exit', (code) => resolve({ code, afterMs: Date.now() - from }));
    });
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Meta retries anything not answered 200: a message arriving now is not taken, and so not lost.
    expect(await deliver(server.url, 'wamid.GRACEFUL2')).not.toBe(200);

    const { code, afterMs } = await exited;
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(10_000);
    const storage = openStorage(database.url);
    try {
      const rows = await storage.db.selectFrom('outbox').select(['state', 'wamid']).where('recipient', '=', CITIZEN).orderBy('id').execute();
      expect(rows[0]).toEqual({ state: 'accepted', wamid: 'wamid.SLOWREPLY' });
      expect(rows.filter((row) => row.state === 'sending')).toEqual([]);
      const running = await storage.db.selectFrom('jobs').select('id').where('status', '=', 'running').execute();
      expect(running).toEqual([]);
      const taken = await storage.db.selectFrom('inbound_messages').select('wamid').execute();
      expect(taken.map((row) => row.wamid)).toEqual(['wamid.GRACEFUL1']);
    } finally {
      await storage.close();
    }
  }, 40_000);

  it('still exits within 10 s when Meta never answers, leaving that send for the restart to settle', async () => {
    server = await startServerProcess({
      DATABASE_URL: database.url,
      WHATSAPP_GRAPH_URL: graph.url,
      WHATSAPP_ACCESS_TOKEN: 'graceful-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_APP_SECRET: SECRET,
    });
    const before = graph.sends().length;
    graph.respondNext({ status: 200, body: {}, delayMs: Infinity });
    expect(await deliver(server.url, 'wamid.GRACEFUL3')).toBe(200);
    await graph.waitForSends(before + 1, 10_000);
    const exited = new Promise<{ code: number | null; afterMs: number }>((resolve) => {
      const from = Date.now();
      server!.child.once('exit', (code) => resolve({ code, afterMs: Date.now() - from }));
    });
    server.child.kill('SIGTERM');
    const { code, afterMs } = await exited;
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(10_000);
    expect(server.output()).toContain('stopping anyway with work in flight');
  }, 40_000);
});
