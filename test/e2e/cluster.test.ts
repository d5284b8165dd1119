import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCluster, type LocalCluster } from '../../src/cluster/local-cluster.js';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { fromRoot } from '../../src/platform/paths.js';
import { openStorage, type Storage } from '../../src/storage/database.js';
import { postgresDatabase, postgresUrl, type TestDatabase } from '../support/databases.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { freePort } from '../support/server-process.js';

const redisUrl = process.env.TEST_REDIS_URL;
const SECRET = 'cluster-test-secret';
const CITIZENS = 12;
const MESSAGES_EACH = 5;

const notification = (wamid: string, from: string, body: string, timestamp: number) =>
  serializeLikeMeta({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '556332127500', phone_number_id: '106540352242922' },
      contacts: [{ profile: { name: 'Cidadã' }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: String(timestamp), type: 'text', text: { body } }],
    } }] }],
  });

describe.skipIf(!postgresUrl || !redisUrl)('a cluster of two instances behind the balancer (PostgreSQL + Redis)', () => {
  let graph: ScriptedGraph;
  let database: TestDatabase;
  let cluster: LocalCluster;
  let storage: Storage;

  beforeAll(async () => {
    graph = new ScriptedGraph();
    await graph.start();
    database = await postgresDatabase();
    const [port, first, second] = [await freePort(), await freePort(), await freePort()];
    cluster = await startLocalCluster({
      instances: 2,
      port,
      instancePorts: [first, second],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl ?? '',
        WHATSAPP_GRAPH_URL: graph.url,
        WHATSAPP_ACCESS_TOKEN: 'cluster-token',
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_MAX_MPS: '1000',
        LOG_LEVEL: 'warn',
      },
      command: { file: process.execPath, args: ['--import', 'tsx', fromRoot('src', 'main.ts'), 'serve'] },
    });
    storage = openStorage(database.url);
  }, 90_000);

  afterAll(async () => {
    await storage?.close();
    await cluster?.stop();
    await graph?.stop();
    await database?.drop();
  });

  it("serves citizens whose messages alternate between instances, each citizen's messages handled in order and answered once", async () => {
    // Every citizen sends their messages one after another; citizens write at the same time.
    await Promise.all(Array.from({ length: CITIZENS }, async (_, c) => {
      const from = `55639977${String(c).padStart(5, '0')}`;
      for (let m = 0; m < MESSAGES_EACH; m += 1) {
        const body = notification(`wamid.CL${c}.${m}`, from, m === 0 ? 'oi' : `mensagem ${m}`, 1_764_331_200 + m);
        const answer = await fetch(`${cluster.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) }, body });
        expect(answer.status).toBe(200);
      }
    }));
    const [one, two] = cluster.proxy.served();
    expect(one).toBeGreaterThan(CITIZENS);
    expect(two).toBeGreaterThan(CITIZENS);

    const total = CITIZENS * MESSAGES_EACH;
    const deadline = Date.now() + 60_000;
    let processed: Array<{ citizen_key: string; wamid: string; processed_at: number | null }> = [];
    while (Date.now() < deadline) {
      processed = await storage.db.selectFrom('inbound_messages').select(['citizen_key', 'wamid', 'processed_at']).where('processed_at', 'is not', null).execute();
      if (processed.length === total) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(processed).toHaveLength(total);
    // One citizen's messages were handled in the order they arrived, whichever instance took each.
    for (let c = 0; c < CITIZENS; c += 1) {
      const mine = processed.filter((row) => row.wamid.startsWith(`wamid.CL${c}.`)).sort((a, b) => Number(a.processed_at) - Number(b.processed_at));
      expect(mine.map((row) => row.wamid)).toEqual(Array.from({ length: MESSAGES_EACH }, (_, m) => `wamid.CL${c}.${m}`));
    }
    // Every message answered, none twice: one reply set per message, and each outbox row sent once.
    const replies = await storage.db.selectFrom('outbox').select(['cause', 'id', 'state']).execute();
    expect(new Set(replies.map((r) => r.cause)).size).toBe(total);
    const sends = graph.sends().map((call) => call.body.biz_opaque_callback_data);
    expect(new Set(sends).size).toBe(sends.length);
  }, 120_000);
});
