import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { fixture, fixtureNames, readFixture } from '../support/fixtures.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { startTestApp, TEST_APP_SECRET, type TestApp } from '../support/test-app.js';

let graph: ScriptedGraph;
let testApp: TestApp;

beforeAll(async () => {
  graph = new ScriptedGraph();
  await graph.start();
  testApp = await startTestApp({ graphUrl: graph.url });
});

afterAll(async () => {
  await testApp.close();
  await graph.stop();
});

interface Answer {
  statusCode: number;
}
type Post = (body: string | Buffer, signature?: string) => Promise<Answer>;
const headersFor = (body: string | Buffer, signature: string | undefined = sign(TEST_APP_SECRET, body)) =>
  ({ 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) });

/** Over a socket, as Meta calls it: node:http answers this address ahead of Fastify (DirectRoutes). */
const postDirect: Post = async (body, signature) => {
  const response = await fetch(`${testApp.url}/webhooks/whatsapp`, { method: 'POST', headers: headersFor(body, signature), body });
  await response.arrayBuffer();
  return { statusCode: response.status };
};

/** Through Fastify's route for the same address (inject, or a query string in the address). */
const postThroughFastify: Post = (body, signature) =>
  testApp.app.http.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: headersFor(body, signature), payload: body });

const textNotification = (wamid: string, from: string, body: string) =>
  serializeLikeMeta({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '556332127500', phone_number_id: '106540352242922' },
      contacts: [{ profile: { name: 'Joana' }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: '1764331200', type: 'text', text: { body } }],
    } }] }],
  });

describe('GET /webhooks/whatsapp (verification handshake)', () => {
  it('echoes the challenge for the right token', async () => {
    const response = await testApp.app.http.inject({ url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('1158201444');
  });

  it('refuses a wrong token with 403', async () => {
    const response = await testApp.app.http.inject({ url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1' });
    expect(response.statusCode).toBe(403);
  });
});

describe.each([
  { route: 'direct (node:http)', post: postDirect, n: '1' },
  { route: 'through Fastify', post: postThroughFastify, n: '2' },
])('POST /webhooks/whatsapp, $route', ({ post, n }) => {
  // Each transport has its own citizens and message ids, so the second run cannot pass on the first one's data.
  const phone = (last: string) => `55639999${n}000${last}`;
  const wamid = (name: string) => `wamid.${name}${n}`;

  it('accepts every recorded payload with 200', async () => {
    for (const name of fixtureNames()) {
      const response = await post(readFixture(name));
      expect(response.statusCode, name).toBe(200);
    }
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const body = textNotification(wamid('SIG'), phone('1'), 'olá');
    expect((await post(body, '')).statusCode).toBe(401);
    expect((await post(body, sign('wrong-secret', body))).statusCode).toBe(401);
    expect(await testApp.app.repos.inbound.byWamid(testApp.app.storage.db, wamid('SIG'))).toBeUndefined();
  });

  it('verifies the signature over the raw bytes, with escaped accents and emoji', async () => {
    const body = textNotification(wamid('ACCENTS'), phone('2'), 'Olá, tem um poste apagado 💡 @ 104 Sul');
    expect(body).toContain('\\u00e1');
    expect((await post(body)).statusCode).toBe(200);
    const stored = await testApp.app.repos.inbound.byWamid(testApp.app.storage.db, wamid('ACCENTS'));
    expect(JSON.parse(stored!.payload).content).toEqual({ type: 'text', body: 'Olá, tem um poste apagado 💡 @ 104 Sul' });
  });

  it('answers 400 to a body that is not a notification, and to broken JSON', async () => {
    expect((await post('{"hello":"world"}')).statusCode).toBe(400);
    expect((await post('{"object":')).statusCode).toBe(400);
  });

  it('refuses bodies over 3 MB with 413', async () => {
    const huge = textNotification(wamid('HUGE'), phone('3'), 'a'.repeat(3 * 1024 * 1024));
    expect((await post(huge)).statusCode).toBe(413);
  });

  it('acknowledges a redelivered message and processes it once', async () => {
    const body = textNotification(wamid('TWICE'), phone('4'), 'oi');
    expect((await post(body)).statusCode).toBe(200);
    expect((await post(body)).statusCode).toBe(200);
    await graph.waitForSends(1, 5_000, phone('4'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(graph.sends().filter((c) => c.body.to === phone('4'))).toHaveLength(1);
  });

  it('keeps a notification of an unknown shape and acknowledges it', async () => {
    const field = `brand_new_field_${n}`;
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field, value: { anything: [1, 2] } }] }] });
    expect((await post(body)).statusCode).toBe(200);
    const kept = await testApp.app.repos.webhookEvents.list(testApp.app.storage.db, field);
    expect(kept).toEqual([{ field, payload: { anything: [1, 2] } }]);
  });

  it('answers the citizen through the Graph API and records delivery statuses', async () => {
    const citizen = phone('5');
    await post(textNotification(wamid('HELLO'), citizen, 'oi'));
    const [send] = await graph.waitForSends(1, 5_000, citizen);
    expect(send?.authorization).toBe('Bearer test-access-token');
    // A first message brings the privacy notice, with buttons to answer it.
    expect(send?.body).toMatchObject({ messaging_product: 'whatsapp', type: 'interactive', interactive: { type: 'button', body: { text: expect.stringContaining('LGPD') } } });
    const read = graph.calls.find((c) => c.body.status === 'read' && c.body.message_id === wamid('HELLO'));
    expect(read?.body.typing_indicator).toEqual({ type: 'text' });

    const [row] = await waitFor(async () => (await testApp.app.repos.outbox.forRecipient(testApp.app.storage.db, citizen)).filter((r) => r.wamid));
    const status = (value: string) =>
      JSON.stringify({ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { statuses: [{ id: row!.wamid, status: value, timestamp: '1764331300', recipient_id: citizen }] } }] }] });
    await post(status('read'));
    await post(status('delivered'));
    expect((await testApp.app.repos.outbox.byId(testApp.app.storage.db, row!.id))?.delivery).toBe('read');
  });

  it('counts what it received in /metrics', async () => {
    const response = await testApp.app.http.inject({ url: '/metrics' });
    expect(response.body).toMatch(/whatsapp_webhook_requests_total\{outcome="bad_signature"\} [1-9]/);
    expect(response.body).toMatch(/whatsapp_inbound_messages_total\{type="text"\} [1-9]/);
  });

  it('reads fixture 36 as the example citizen', () => {
    expect(fixture('36')).toMatchObject({ object: 'whatsapp_business_account' });
  });
});

const waitFor = async <T>(probe: () => Promise<T[]>, timeoutMs = 5_000): Promise<T[]> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found.length > 0 || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};
