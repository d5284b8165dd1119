import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A tiny valid PNG, so the photo path runs with real bytes. */
const png = (): Buffer => {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    return out;
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
};

const clock = new ManualClock('2026-11-30T16:00:00Z');
let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ clock });
});

afterAll(async () => {
  await testApp.close();
});

const simulator = () => {
  const sim = testApp.app.simulator;
  if (!sim) throw new Error('the test app should run in simulator mode');
  return sim;
};

describe('the real server with the built-in simulator as Meta', () => {
  it('greets a citizen who says "oi", by name, through signed webhooks and the fake Graph API', async () => {
    const sent = simulator().sendText('5563999990101', 'Joana', 'oi');
    await sent.acknowledged;
    const reply = await simulator().waitForOutbound('5563999990101');
    expect(outboundText(reply)).toContain('Olá, Joana!');
    const conversation = simulator().conversation('5563999990101');
    expect(conversation?.messages.some((m) => m.direction === 'in' && m.id === sent.wamid)).toBe(true);
  });

  it('keeps a photo the citizen sends, checked against its sha256, and says so', async () => {
    const bytes = png();
    const sent = simulator().sendImage('5563999990102', 'Pedro', { bytes, mimeType: 'image/png', caption: 'buraco na rua' });
    await sent.acknowledged;
    const reply = await simulator().waitForOutbound('5563999990102');
    expect(outboundText(reply)).toContain('Recebemos seu arquivo');
    const { db } = testApp.app.storage;
    const deadline = Date.now() + 5_000;
    let media = await testApp.app.repos.media.forInbound(db, sent.wamid);
    while (media[0]?.status !== 'stored' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      media = await testApp.app.repos.media.forInbound(db, sent.wamid);
    }
    expect(media[0]).toMatchObject({ status: 'stored', mime_type: 'image/png', size_bytes: bytes.length });
  });

  it('answers a message type it cannot handle instead of staying silent', async () => {
    await simulator().sendUnsupported('5563999990103', 'Ana').acknowledged;
    const reply = await simulator().waitForOutbound('5563999990103');
    expect(outboundText(reply)).toContain('ainda não é aceito');
  });

  it('is refused by Meta (131047) outside the 24-hour window and records why', async () => {
    const citizen = '5563999990104';
    await simulator().sendText(citizen, 'Rui', 'oi').acknowledged;
    await simulator().waitForOutbound(citizen);
    clock.advance(25 * 60 * 60 * 1000);
    const { app } = testApp;
    await app.repos.outbox.enqueue(app.storage.db, [{ idempotencyKey: 'late-notice', recipient: citizen, payload: { type: 'text', text: { body: 'Aviso tardio' } } }], clock.now().getTime());
    app.dispatcher.wake.notify();
    const deadline = Date.now() + 5_000;
    let row = (await app.repos.outbox.forRecipient(app.storage.db, citizen)).find((r) => r.idempotency_key === 'late-notice');
    while (row?.state !== 'rejected' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      row = (await app.repos.outbox.forRecipient(app.storage.db, citizen)).find((r) => r.idempotency_key === 'late-notice');
    }
    expect(row).toMatchObject({ state: 'rejected', error_code: 131047 });
  });

  it('serves the chat page and sends the home page there', async () => {
    const page = await fetch(`${testApp.url}/simulador`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const home = await fetch(testApp.url, { redirect: 'manual' });
    expect(home.headers.get('location')).toBe('/simulador');
  });
});
