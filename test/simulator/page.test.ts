import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Simulator, registerSimulatorRoutes } from '../../src/channels/simulator/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { CITIZEN, DISPLAY_NUMBER, PHONE_NUMBER_ID, SECRET, TOKEN, WebhookReceiver, startHarness, type Harness } from './support.js';

let app: FastifyInstance | undefined;
let simulator: Simulator | undefined;
let receiver: WebhookReceiver | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  await simulator?.close();
  await app?.close();
  await receiver?.close();
  await harness?.close();
  app = simulator = receiver = harness = undefined;
});

/** A host like the app: its own JSON parser that keeps the raw bytes, and the simulator mounted on it. */
const startHost = async (): Promise<string> => {
  receiver = await new WebhookReceiver().start();
  app = Fastify({ bodyLimit: 3 * 1024 * 1024 });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, body.length ? JSON.parse(body.toString('utf8')) : undefined);
    } catch (error) {
      done(error as Error);
    }
  });
  let origin = '';
  simulator = new Simulator({
    appSecret: SECRET,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: DISPLAY_NUMBER,
    accessToken: TOKEN,
    webhookUrl: () => receiver?.url ?? '',
    publicBaseUrl: () => origin,
    clock: new ManualClock('2026-03-02T12:00:00Z'),
    logger: pino({ level: 'silent' }),
    businessName: 'Prefeitura de Palmas',
    statusDelayMs: 1,
  });
  await registerSimulatorRoutes(app, simulator);
  origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return origin;
};

const postJson = async (url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

/** Reads Server-Sent Events until `until` returns true for the events so far. */
const readEvents = async (url: string, until: (events: Array<{ event: string; data: unknown }>) => boolean): Promise<Array<{ event: string; data: unknown }>> => {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: unknown }> = [];
  let buffer = '';
  while (!until(events)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  controller.abort();
  return events;
};

describe('simulator page and its API', () => {
  it('serves the chat page and its assets from registerSimulatorRoutes on a plain Fastify instance', async () => {
    const origin = await startHost();
    const page = await fetch(`${origin}/simulador`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain('Simulador de WhatsApp');
    expect(html).toContain('/simulador/assets/simulador.js');
    for (const asset of ['simulador.js', 'simulador.css', 'render.js', 'format.js']) {
      const response = await fetch(`${origin}/simulador/assets/${asset}`);
      expect(response.status, asset).toBe(200);
    }
    expect((await fetch(`${origin}/simulador/assets/..%2Fsimulator.ts`)).status).toBe(404);
    const info = (await (await fetch(`${origin}/simulador/api/info`)).json()) as { businessName: string };
    expect(info.businessName).toBe('Prefeitura de Palmas');
  });

  it('sends citizen messages through the host\'s JSON parser and answers bad input with 400 in Portuguese', async () => {
    const origin = await startHost();
    const sent = await postJson(`${origin}/simulador/api/messages`, { phone: '+55 63 99123-4567', name: 'Ana', type: 'text', text: 'Tem buraco na minha rua' });
    expect(sent.status).toBe(202);
    const webhook = await receiver!.waitFor((w) => w.value.messages?.[0]?.id === sent.json.wamid);
    expect(webhook.validSignature).toBe(true);
    expect(webhook.value.messages?.[0]?.from).toBe(CITIZEN);

    const badPhone = await postJson(`${origin}/simulador/api/messages`, { phone: '123', name: 'Ana', type: 'text', text: 'oi' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.json.error).toMatch(/Número de telefone inválido/);
    const badType = await postJson(`${origin}/simulador/api/messages`, { phone: CITIZEN, name: 'Ana', type: 'fax' });
    expect(badType.status).toBe(400);
    expect(badType.json.error).toMatch(/Tipo de mensagem desconhecido/);
    const noOffer = await postJson(`${origin}/simulador/api/messages`, { phone: CITIZEN, name: 'Ana', type: 'reply', id: 'x' });
    expect(noOffer.status).toBe(400);
    expect(noOffer.json.error).toMatch(/Nenhuma mensagem do robô/);

    const conversation = await fetch(`${origin}/simulador/api/conversations/${CITIZEN}`);
    expect(((await conversation.json()) as { messages: unknown[] }).messages).toHaveLength(1);
    expect((await fetch(`${origin}/simulador/api/conversations/5563900000000`)).status).toBe(404);
  });

  it('streams the chat live over SSE: snapshot, the bot reply, and read on arrival while the chat is open', async () => {
    harness = await startHarness();
    const { url, simulator: sim } = harness.standalone;
    await sim.sendText(CITIZEN, 'Ana', 'oi').acknowledged;
    const streaming = readEvents(`${url}/simulador/api/events?phone=${CITIZEN}&name=Ana`, (events) => events.some((e) => e.event === 'message'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reply = await harness.graph(`${PHONE_NUMBER_ID}/messages`, { messaging_product: 'whatsapp', to: CITIZEN, type: 'text', text: { body: 'Olá, *Ana*!' } });
    const events = await streaming;

    expect(events[0]?.event).toBe('snapshot');
    expect((events[0]?.data as { phone: string; messages: unknown[] }).messages).toHaveLength(1);
    const message = events.find((e) => e.event === 'message')?.data as { id: string; direction: string };
    expect(message).toMatchObject({ id: reply.json.messages?.[0]?.id, direction: 'out' });
    const wamid = reply.json.messages?.[0]?.id ?? '';
    await harness.receiver.waitForStatus(wamid, 'read');
    expect(harness.receiver.statuses(wamid).map((s) => s.status)).toEqual(['sent', 'read']);
  });

  it('ends open event streams when the host server closes', async () => {
    const origin = await startHost();
    const stream = await fetch(`${origin}/simulador/api/events?phone=${CITIZEN}`);
    expect(stream.status).toBe(200);
    const started = Date.now();
    await app!.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    app = undefined;
  });

  it('injects scenarios over HTTP: a synchronous failure and a user_preferences stop', async () => {
    harness = await startHarness();
    const { url, simulator: sim } = harness.standalone;
    await sim.sendText(CITIZEN, 'Ana', 'oi').acknowledged;
    const injected = await postJson(`${url}/simulador/api/scenarios`, { kind: 'fail-next', phone: CITIZEN, code: 131056, mode: 'sync' });
    expect(injected.status).toBe(200);
    const refused = await harness.graph(`${PHONE_NUMBER_ID}/messages`, { messaging_product: 'whatsapp', to: CITIZEN, type: 'text', text: { body: 'oi' } });
    expect(refused.json.error?.code).toBe(131056);

    expect((await postJson(`${url}/simulador/api/scenarios`, { kind: 'user-preferences', phone: CITIZEN, value: 'stop' })).status).toBe(200);
    const preferences = await harness.receiver.waitFor((w) => w.field === 'user_preferences');
    expect(preferences.value.user_preferences?.[0]?.value).toBe('stop');
    expect(sim.conversation(CITIZEN)?.marketingOptOut).toBe(true);

    const bad = await postJson(`${url}/simulador/api/scenarios`, { kind: 'fail-next', phone: CITIZEN });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/código de erro/);
  });
});
