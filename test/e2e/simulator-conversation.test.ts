import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { tinyPng as png } from '../support/images.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

const chat = (phone: string, name: string) => scriptedCitizen(testApp, phone, name);

describe('the real server with the built-in simulator as Meta', () => {
  it('registers a citizen, takes a request told in free text and gives a protocol she can look up', async () => {
    const phone = '5563999990101';
    await chat(phone, 'Joana').says('oi', 'LGPD');
    await chat(phone, 'Joana').taps('consent:yes', 'Como você gostaria de ser chamado');
    await chat(phone, 'Joana').says('joana', 'Prazer, Joana!');
    await chat(phone, 'Joana').says('arse 12', '106 Sul');
    await chat(phone, 'Joana').taps('place:yes', 'avisos');
    await chat(phone, 'Joana').taps('optin:yes', 'Tudo certo, Joana!');
    await chat(phone, 'Joana').says('boa tarde, o poste aqui da rua ta apagado faz uns 3 dias', 'Iluminação pública');
    await chat(phone, 'Joana').taps('svc:iluminacao-publica', 'Onde fica o poste');
    await chat(phone, 'Joana').pins({ latitude: -10.1844, longitude: -48.3336 }, 'Conte em poucas palavras');
    await chat(phone, 'Joana').says('poste apagado há 3 dias na alameda 5', 'foto');
    await chat(phone, 'Joana').taps('skip', 'ponto de referência');
    await chat(phone, 'Joana').taps('skip', 'Confira o pedido');
    const opened = await chat(phone, 'Joana').taps('req:confirm', 'Protocolo');
    const protocol = /\*(\d{4}-\d{6})\*/.exec(opened)?.[1];
    expect(protocol).toMatch(/^2026-\d{6}$/);
    expect(opened).toContain('Infraestrutura');
    const status = await chat(phone, 'Joana').says(`protocolo ${protocol}`, 'Situação');
    expect(status).toContain('Aberto');
    // Someone else asking for the same protocol learns nothing.
    const other = '5563999990199';
    await chat(other, 'Rui').declinesRegistration();
    expect(await chat(other, 'Rui').says(`protocolo ${protocol}`, 'Não encontrei')).toContain('Não encontrei esse protocolo');
  });

  it('outside office hours says when a person will answer, from the calendar, and queues the message', async () => {
    // The clock says Monday 13:00 in Palmas: attendance opens at 13:30.
    const phone = '5563999990105';
    await chat(phone, 'Lia').declinesRegistration();
    const closed = await chat(phone, 'Lia').says('quero falar com um atendente', 'fora do horário');
    expect(closed).toContain('hoje, às 13h30');
    await chat(phone, 'Lia').says('o caminhão de lixo não passou na minha rua', 'fila');
    const { app } = testApp;
    const handoff = await app.storage.db.selectFrom('handoffs').selectAll().where('citizen_key', '=', phone).executeTakeFirst();
    expect(handoff).toMatchObject({ status: 'waiting', attendance_open: 0 });
  });

  it('keeps a photo the citizen sends, checked against its sha256, and says so', async () => {
    const bytes = png();
    await chat('5563999990102', 'Pedro').declinesRegistration();
    const sent = simulator().sendImage('5563999990102', 'Pedro', { bytes, mimeType: 'image/png', caption: 'buraco na rua' });
    await sent.acknowledged;
    const reply = await simulator().waitForOutbound('5563999990102', (m) => outboundText(m).includes('Recebemos'));
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
    await chat('5563999990103', 'Ana').declinesRegistration();
    await simulator().sendUnsupported('5563999990103', 'Ana').acknowledged;
    const reply = await simulator().waitForOutbound('5563999990103', (m) => outboundText(m).includes('ainda não'));
    expect(outboundText(reply)).toContain('ainda não é aceito');
  });

  it('is refused by Meta (131047) outside the 24-hour window and records why', async () => {
    const citizen = '5563999990104';
    await chat(citizen, 'Rui').says('oi', 'LGPD');
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

  it('serves the chat page, and tells the console at / to link to it', async () => {
    const page = await fetch(`${testApp.url}/simulador`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const config = (await (await fetch(`${testApp.url}/api/config`)).json()) as { simulator: boolean };
    expect(config.simulator).toBe(true);
  });
});
