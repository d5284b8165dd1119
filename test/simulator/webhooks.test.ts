import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CITIZEN, DISPLAY_NUMBER, PHONE_NUMBER_ID, SECRET, buttonsTo, startHarness, textTo, type Harness } from './support.js';

let harness: Harness;
afterEach(async () => harness?.close());

describe('simulator webhooks', () => {
  it('delivers a citizen text with accents and emoji, escaped like Meta and signed over those bytes', async () => {
    harness = await startHarness();
    const { wamid, acknowledged } = harness.standalone.simulator.sendText(CITIZEN, 'José Pérez', 'Olá, está chovendo 👋');
    await acknowledged;

    const [webhook] = harness.receiver.received;
    expect(webhook).toBeDefined();
    const raw = webhook!.raw.toString('utf8');
    expect(raw).toContain('Ol\\u00e1, est\\u00e1 chovendo \\ud83d\\udc4b');
    expect(raw).toContain('"name":"Jos\\u00e9 P\\u00e9rez"');
    expect([...raw].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
    expect(webhook!.validSignature).toBe(true);
    expect(webhook!.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(webhook!.raw).digest('hex')}`);

    expect(webhook!.body.object).toBe('whatsapp_business_account');
    expect(webhook!.field).toBe('messages');
    expect(webhook!.value.metadata).toEqual({ display_phone_number: DISPLAY_NUMBER, phone_number_id: PHONE_NUMBER_ID });
    expect(webhook!.value.contacts?.[0]).toMatchObject({ profile: { name: 'José Pérez' }, wa_id: CITIZEN });
    expect(webhook!.value.messages?.[0]).toMatchObject({
      from: CITIZEN,
      id: wamid,
      type: 'text',
      text: { body: 'Olá, está chovendo 👋' },
      timestamp: String(Date.parse('2026-03-02T12:00:00Z') / 1000),
    });
    expect(wamid).toMatch(/^wamid\.[A-Za-z0-9+/]+=*$/);
    expect(harness.standalone.simulator.conversation(CITIZEN)?.messages[0]?.status).toBe('delivered');
  });

  it('retries a webhook the app refused with 500 and keeps the citizen\'s messages in order', async () => {
    harness = await startHarness();
    harness.receiver.answer = (attempt) => (attempt === 1 ? 500 : 200);
    const first = harness.standalone.simulator.sendText(CITIZEN, 'Ana', 'primeira');
    const second = harness.standalone.simulator.sendText(CITIZEN, 'Ana', 'segunda');
    await Promise.all([first.acknowledged, second.acknowledged]);

    expect(harness.receiver.attempts).toBe(3);
    const bodies = harness.receiver.received.map((w) => (w.value.messages?.[0]?.text as { body: string }).body);
    expect(bodies).toEqual(['primeira', 'segunda']);
  });

  it('can deliver the next webhook twice with the same bytes (at-least-once delivery)', async () => {
    harness = await startHarness();
    harness.standalone.simulator.duplicateNextWebhooks(1);
    await harness.standalone.simulator.sendText(CITIZEN, 'Ana', 'uma vez só').acknowledged;
    await harness.receiver.waitFor((_w) => harness.receiver.received.length === 2);
    expect(harness.receiver.received[0]?.raw.equals(harness.receiver.received[1]!.raw)).toBe(true);
    expect(harness.receiver.received[1]?.validSignature).toBe(true);
  });

  it('gives up after the retry window and marks the message failed', async () => {
    harness = await startHarness({ webhook: { delaysMs: [50], maxWindowMs: 300 } });
    harness.receiver.answer = () => 503;
    const { acknowledged } = harness.standalone.simulator.sendText(CITIZEN, 'Ana', 'ninguém ouve');
    await expect(acknowledged).rejects.toThrow(/not acknowledged/);
    expect(harness.receiver.attempts).toBeGreaterThanOrEqual(2);
    expect(harness.standalone.simulator.conversation(CITIZEN)?.messages[0]?.status).toBe('failed');
  });

  it('reports sent, delivered and read with the callback data echoed and PMP pricing', async () => {
    harness = await startHarness();
    const simulator = harness.standalone.simulator;
    await simulator.sendText(CITIZEN, 'Ana', 'oi').acknowledged;
    const sent = await harness.graph(`${PHONE_NUMBER_ID}/messages`, textTo(CITIZEN, 'Olá! Como posso ajudar?', { biz_opaque_callback_data: 'req-2026-000123' }));
    expect(sent.status).toBe(200);
    expect(sent.json.contacts).toEqual([{ input: CITIZEN, wa_id: CITIZEN }]);
    const wamid = sent.json.messages?.[0]?.id ?? '';

    const delivered = await harness.receiver.waitForStatus(wamid, 'delivered');
    expect(delivered).toMatchObject({
      recipient_id: CITIZEN,
      biz_opaque_callback_data: 'req-2026-000123',
      pricing: { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' },
    });
    expect(harness.receiver.statuses(wamid).map((s) => s.status)).toEqual(['sent', 'delivered']);

    simulator.markChatRead(CITIZEN);
    const read = await harness.receiver.waitForStatus(wamid, 'read');
    expect(read.biz_opaque_callback_data).toBe('req-2026-000123');
    expect(harness.receiver.statuses(wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(harness.receiver.received.every((w) => w.validSignature)).toBe(true);
    expect(simulator.conversation(CITIZEN)?.messages.at(-1)).toMatchObject({ direction: 'out', id: wamid, status: 'read' });
  });

  it('can batch the statuses of many messages into a few webhooks, each citizen\'s still in order', async () => {
    harness = await startHarness({ statusBatchMs: 50 });
    const simulator = harness.standalone.simulator;
    const citizens = ['5563991000001', '5563991000002', '5563991000003'];
    for (const phone of citizens) await simulator.sendText(phone, 'Ana', 'oi').acknowledged;
    const wamids = await Promise.all(citizens.map(async (phone) => (await harness.graph(`${PHONE_NUMBER_ID}/messages`, textTo(phone, 'Aviso'))).json.messages?.[0]?.id ?? ''));
    for (const wamid of wamids) await harness.receiver.waitForStatus(wamid, 'delivered');
    const carrying = harness.receiver.received.filter((w) => (w.value.statuses ?? []).length > 0);
    expect(carrying.length).toBeLessThan(wamids.length * 2);
    expect(carrying.some((w) => (w.value.statuses ?? []).length > 1)).toBe(true);
    for (const wamid of wamids) expect(harness.receiver.statuses(wamid).map((s) => s.status)).toEqual(['sent', 'delivered']);
  });

  it('reads on arrival in autoRead mode and the citizen taps a reply button quoting the bot message', async () => {
    harness = await startHarness({ autoRead: true });
    const simulator = harness.standalone.simulator;
    await simulator.sendText(CITIZEN, 'Ana', 'oi').acknowledged;
    const sent = await harness.graph(`${PHONE_NUMBER_ID}/messages`, buttonsTo(CITIZEN, [{ id: 'iptu', title: '2ª via IPTU' }, { id: 'outro', title: 'Outro assunto' }]));
    const wamid = sent.json.messages?.[0]?.id ?? '';
    await harness.receiver.waitForStatus(wamid, 'read');

    const outbound = await simulator.waitForOutbound(CITIZEN, (m) => m.type === 'interactive');
    expect(outbound.id).toBe(wamid);
    const tap = simulator.sendReply(CITIZEN, 'Ana', 'iptu');
    await tap.acknowledged;
    const webhook = await harness.receiver.waitFor((w) => w.value.messages?.[0]?.id === tap.wamid);
    expect(webhook.value.messages?.[0]).toMatchObject({
      type: 'interactive',
      context: { from: DISPLAY_NUMBER, id: wamid },
      interactive: { type: 'button_reply', button_reply: { id: 'iptu', title: '2ª via IPTU' } },
    });
    expect(() => simulator.sendReply(CITIZEN, 'Ana', 'nao-existe')).toThrow(/no bot message offers/);
  });

  it('sends location, photo, unsupported and user_preferences notifications', async () => {
    harness = await startHarness();
    const simulator = harness.standalone.simulator;
    const location = simulator.sendLocation(CITIZEN, 'Ana', { latitude: -10.1844, longitude: -48.3336, name: 'Praça dos Girassóis' });
    const photo = simulator.sendImage(CITIZEN, 'Ana', { bytes: Buffer.from('fake-jpeg'), mimeType: 'image/jpeg', caption: 'Buraco na rua' });
    const unsupported = simulator.sendUnsupported(CITIZEN, 'Ana', 'poll');
    await Promise.all([location.acknowledged, photo.acknowledged, unsupported.acknowledged]);
    await simulator.sendUserPreference(CITIZEN, 'stop');

    const messages = harness.receiver.received.flatMap((w) => w.value.messages ?? []);
    expect(messages.map((m) => m.type)).toEqual(['location', 'image', 'unsupported']);
    expect(messages[0]).toMatchObject({ location: { latitude: -10.1844, longitude: -48.3336, name: 'Praça dos Girassóis' } });
    const image = messages[1]?.image as { id: string; mime_type: string; sha256: string; url: string; caption: string };
    expect(image).toMatchObject({ mime_type: 'image/jpeg', caption: 'Buraco na rua' });
    expect(image.url).toBe(`${harness.standalone.graphUrl}/media-download/${image.id}`);
    expect(messages[2]).toMatchObject({ errors: [{ code: 131051 }], unsupported: { type: 'poll' } });

    const preferences = harness.receiver.received.at(-1);
    expect(preferences?.field).toBe('user_preferences');
    expect(preferences?.value.user_preferences?.[0]).toMatchObject({ wa_id: CITIZEN, value: 'stop', category: 'marketing_messages' });
    expect(typeof preferences?.value.user_preferences?.[0]?.timestamp).toBe('number');
  });

  it('hides the phone number in username (BSUID) mode and accepts the BSUID as recipient', async () => {
    harness = await startHarness();
    const simulator = harness.standalone.simulator;
    const { userId } = simulator.addCitizen(CITIZEN, 'Ana', { usernameMode: true });
    await simulator.sendText(CITIZEN, 'Ana', 'oi').acknowledged;
    const webhook = harness.receiver.received[0];
    expect(webhook?.value.contacts?.[0]).toMatchObject({ wa_id: '', user_id: userId });
    expect(webhook?.value.messages?.[0]).toMatchObject({ from: '', from_user_id: userId });

    const sent = await harness.graph(`${PHONE_NUMBER_ID}/messages`, textTo(userId, 'Olá'));
    expect(sent.status).toBe(200);
    expect(sent.json.contacts?.[0]).toEqual({ input: userId, wa_id: '', user_id: userId });
    const status = await harness.receiver.waitForStatus(sent.json.messages?.[0]?.id ?? '', 'delivered');
    expect(status.recipient_id).toBe('');
  });
});
