import { afterAll, describe, expect, it } from 'vitest';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { openStorage } from '../../src/storage/database.js';
import { cityProfileAt, optedInCitizens, prepareBroadcastDatabase } from '../support/broadcasts.js';
import { appDatabase, type TestDatabase } from '../support/databases.js';
import { ScriptedGraph, type RecordedCall } from '../support/scripted-graph.js';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { CSRF_HEADERS } from '../support/test-app.js';

/**
 * Meta's promise, under SIGKILL at random moments while the server takes messages, answers them, takes Open311
 * requests and sends a broadcast: whatever was acknowledged survives, and the only messages sent twice are sends that
 * were in flight when the process died (Meta had them, the server had not yet recorded it).
 */
const SECRET = 'repeated-crash-secret';
const PHONE_NUMBER_ID = '106540352242922';
const OPEN311_KEY = 'o311_repeated-crash-key';
const ADMIN = { email: 'admin@palmas.to.gov.br', password: 'senha-de-teste-123' };
const RECIPIENTS = optedInCitizens(1200, 5000);
const KILLS = 4;
const MESSAGES = 360;

const graph = new ScriptedGraph();
let database: TestDatabase;
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill('SIGKILL');
  await graph.stop();
  await database?.drop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const notification = (wamid: string, from: string) =>
  serializeLikeMeta({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      metadata: { phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Cidadã' }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: '1764331200', type: 'text', text: { body: `mensagem ${wamid}` } }],
    } }] }],
  });

/** Posts until the server says 200, as Meta redelivers what was not acknowledged. */
const deliverUntilAcknowledged = async (wamid: string, from: string): Promise<void> => {
  const body = notification(wamid, from);
  for (;;) {
    const status = await fetch(`${server!.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(SECRET, body) },
      body,
    }).then((response) => response.status, () => 0);
    if (status === 200) return;
    await pause(100);
  }
};

/** One Open311 request; its protocol when the server answered 200, undefined when the answer was lost. */
const postOpen311Request = async (n: number): Promise<string | undefined> => {
  const form = new URLSearchParams({ api_key: OPEN311_KEY, service_code: 'tapa-buraco', address_string: `Quadra 104 Norte, Alameda ${n}`, description: `Buraco ${n}` });
  const response = await fetch(`${server!.url}/open311/v2/requests.json`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  }).catch(() => undefined);
  if (response?.status !== 200) return undefined;
  return ((await response.json()) as Array<{ service_request_id: string }>)[0]?.service_request_id;
};

const signIn = async (): Promise<string> => {
  const response = await fetch(`${server!.url}/api/auth/login`, { method: 'POST', headers: { ...CSRF_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
};

const startBroadcast = async (cookie: string): Promise<void> => {
  const response = await fetch(`${server!.url}/api/broadcasts`, {
    method: 'POST', headers: { ...CSRF_HEADERS, cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Alerta de chuva', template: { name: 'aviso_defesa_civil', language: 'pt_BR', parameters: ['chuva forte'] }, audience: {} }),
  });
  expect(response.status).toBe(201);
};

/** Sends Graph accepted more than once, by the outbox row (conversation replies) or the recipient (broadcast). */
const repeatedSends = (sends: RecordedCall[]): Map<string, RecordedCall[]> => {
  const byKey = new Map<string, RecordedCall[]>();
  for (const send of sends) {
    const key = send.body.type === 'template' ? `broadcast:${String(send.body.to)}` : String(send.body.biz_opaque_callback_data);
    byKey.set(key, [...(byKey.get(key) ?? []), send]);
  }
  return new Map([...byKey].filter(([, calls]) => calls.length > 1));
};

describe('a server killed with SIGKILL at random moments, again and again, under load', () => {
  it('loses no acknowledged message or request, and repeats only sends that were in flight', async () => {
    database = await appDatabase();
    await prepareBroadcastDatabase(database.url, RECIPIENTS);
    await graph.start();
    const port = await freePort();
    const env = {
      DATABASE_URL: database.url, WHATSAPP_GRAPH_URL: graph.url, WHATSAPP_ACCESS_TOKEN: 'crash-token', WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_APP_SECRET: SECRET, WHATSAPP_MAX_MPS: '150', WHATSAPP_UNCERTAIN_GRACE_MS: '2000', OPEN311_API_KEYS: OPEN311_KEY,
      CITY_CONFIG: cityProfileAt(12), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
    };
    server = await startServerProcess(env, port);
    await startBroadcast(await signIn());

    const acknowledged: string[] = [];
    const protocols: string[] = [];
    const killedAt: number[] = [];
    let next = 0;
    let loadRunning = true;
    const citizenWorker = async () => {
      while (next < MESSAGES) {
        const i = next++;
        const wamid = `wamid.REPEATED${i}`;
        await deliverUntilAcknowledged(wamid, `55639977${String(i % 48).padStart(5, '0')}`);
        acknowledged.push(wamid);
      }
    };
    const open311Worker = async () => {
      for (let n = 0; loadRunning; n += 1) {
        const protocol = await postOpen311Request(n);
        if (protocol) protocols.push(protocol);
        else await pause(100);
      }
    };
    const killer = async () => {
      for (let kill = 0; kill < KILLS; kill += 1) {
        await pause(700 + Math.random() * 1800);
        await server!.kill('SIGKILL');
        // When the process is gone: a send can leave a moment after the signal, before it lands.
        killedAt.push(Date.now());
        server = await startServerProcess(env, port);
      }
    };
    const citizens = Promise.all(Array.from({ length: 6 }, citizenWorker));
    const open311 = open311Worker();
    await killer();
    await citizens;
    loadRunning = false;
    await open311;
    expect(killedAt).toHaveLength(KILLS);
    expect(acknowledged).toHaveLength(MESSAGES);

    const storage = openStorage(database.url);
    try {
      // On PostgreSQL a restarted instance takes over the dead ones' claims when their leases (60 s) end.
      const deadline = Date.now() + (process.env.TEST_APP_DATABASE === 'postgres' ? 150_000 : 60_000);
      const unanswered = async () => {
        const rows = await storage.db.selectFrom('outbox').select('cause').where('state', '=', 'accepted').where('cause', 'in', acknowledged).execute();
        const answered = new Set(rows.map((r) => r.cause));
        return acknowledged.filter((wamid) => !answered.has(wamid));
      };
      const broadcastSent = () => new Set(graph.sends().filter((s) => s.body.type === 'template').map((s) => s.body.to)).size;
      while (((await unanswered()).length > 0 || broadcastSent() < RECIPIENTS.length) && Date.now() < deadline) await pause(250);
      expect(await unanswered()).toEqual([]);
      expect(broadcastSent()).toBe(RECIPIENTS.length);

      // Each acknowledged message was processed once: one reply row per message, however often the process died.
      const replies = await storage.db.selectFrom('outbox').select('cause').where('cause', 'in', acknowledged).execute();
      expect(replies).toHaveLength(acknowledged.length);

      expect(protocols.length).toBeGreaterThan(0);
      const stored = await storage.db.selectFrom('service_requests').select('protocol').where('protocol', 'in', protocols).execute();
      expect(stored.map((r) => r.protocol).sort()).toEqual([...protocols].sort());

      // A repeat must have started shortly before a kill: Meta took it, the dead process never wrote that down.
      const repeats = repeatedSends(graph.sends());
      for (const [key, calls] of repeats) {
        const first = calls[0]!.at;
        expect(killedAt.some((kill) => first <= kill && kill - first < 5_000), `${key} sent at ${calls.map((c) => c.at).join(', ')}; kills at ${killedAt.join(', ')}`).toBe(true);
      }
      expect(repeats.size).toBeLessThanOrEqual(KILLS * 32);
    } finally {
      await storage.close();
    }
  }, 300_000);
});
