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

const post = (body: string | Buffer, signature: string | undefined = sign(TEST_APP_SECRET, body)) =>
  testApp.app.http.inject({
    method: 'POST',
    url: '/webhooks/whatsapp',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    payload: body,
  });

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

describe('POST /webhooks/whatsapp', () => {
  it('accepts every recorded payload with 200', async () => {
    for (const name of fixtureNames()) {
      const response = await post(readFixture(name));
      expect(response.statusCode, name).toBe(200);
    }
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const body = textNotification('wamid.SIG', '5563999990001', 'olá');
    expect((await post(body, '')).statusCode).toBe(401);
    expect((await post(body, sign('wrong-secret', body))).statusCode).toBe(401);
    expect(await testApp.app.repos.inbound.byWamid(testApp.app.storage.db, 'wamid.SIG')).toBeUndefined();
  });

  it('verifies the signature over the raw bytes, with escaped accents and emoji', async () => {
    const body = textNotification('wamid.ACCENTS', '5563999990002', 'Olá, tem um poste apagado 💡 @ 104 Sul');
    expect(body).toContain('\\u00e1');
    expect((await post(body)).statusCode).toBe(200);
    const stored = await testApp.app.repos.inbound.byWamid(testApp.app.storage.db, 'wamid.ACCENTS');
    expect(JSON.parse(stored!.payload).content).toEqual({ type: 'text', body: 'Olá, tem um poste apagado 💡 @ 104 Sul' });
  });

  it('answers 400 to a body that is not a notification, and to broken JSON', async () => {
    expect((await post('{"hello":"world"}')).statusCode).toBe(400);
    expect((await post('{"object":')).statusCode).toBe(400);
  });

  it('refuses bodies over 3 MB with 413', async () => {
    const huge = textNotification('wamid.HUGE', '5563999990003', 'a'.repeat(3 * 1024 * 1024));
    expect((await post(huge)).statusCode).toBe(413);
  });

  it('acknowledges a redelivered message and processes it once', async () => {
    const body = textNotification('wamid.TWICE', '5563999990004', 'oi');
    expect((await post(body)).statusCode).toBe(200);
    expect((await post(body)).statusCode).toBe(200);
    await graph.waitForSends(1, 5_000, '5563999990004');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(graph.sends().filter((c) => c.body.to === '5563999990004')).toHaveLength(1);
  });

  it('keeps a notification of an unknown shape and acknowledges it', async () => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'brand_new_field', value: { anything: [1, 2] } }] }] });
    expect((await post(body)).statusCode).toBe(200);
    const kept = await testApp.app.repos.webhookEvents.list(testApp.app.storage.db, 'brand_new_field');
    expect(kept).toEqual([{ field: 'brand_new_field', payload: { anything: [1, 2] } }]);
  });

  it('answers the citizen through the Graph API and records delivery statuses', async () => {
    const citizen = '5563999990005';
    await post(textNotification('wamid.HELLO', citizen, 'oi'));
    const [send] = await graph.waitForSends(1, 5_000, citizen);
    expect(send?.authorization).toBe('Bearer test-access-token');
    // A first message brings the privacy notice, with buttons to answer it.
    expect(send?.body).toMatchObject({ messaging_product: 'whatsapp', type: 'interactive', interactive: { type: 'button', body: { text: expect.stringContaining('LGPD') } } });
    const read = graph.calls.find((c) => c.body.status === 'read' && c.body.message_id === 'wamid.HELLO');
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
