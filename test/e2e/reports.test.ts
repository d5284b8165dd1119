import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { senderOrigin } from '../../src/domain/reports/index.js';
import { openServiceRequest } from '../../src/domain/requests/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signInAs } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { readFirstSheet } from '../support/xlsx.js';

// Monday 2026-11-30, 13:00 in Palmas: half an hour before people answer.
const clock = new ManualClock('2026-11-30T16:00:00Z');
const DAY = '2026-11-30';
let testApp: TestApp;
let coordinator: string;

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  coordinator = await signInAs(testApp, 'coordinator');
});

afterAll(async () => {
  await testApp.close();
});

const chat = (phone: string, name: string) => scriptedCitizen(testApp, phone, name);

/** Until every message is processed and every reply accepted by Meta, so the counts are final. */
const settled = async (): Promise<void> => {
  const { db } = testApp.app.storage;
  for (let tries = 0; tries < 200; tries += 1) {
    const unprocessed = await db.selectFrom('inbound_messages').select(sql<string>`count(*)`.as('n')).where('processed_at', 'is', null).executeTakeFirstOrThrow();
    const unsent = await db.selectFrom('outbox').select(sql<string>`count(*)`.as('n')).where('accepted_at', 'is', null).where('state', '!=', 'rejected').executeTakeFirstOrThrow();
    if (Number(unprocessed.n) === 0 && Number(unsent.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('messages still waiting after 5 s');
};

interface SummaryBody {
  messages_received: number;
  messages_sent: number;
  messages_inside_hours: number;
  messages_outside_hours: number;
  citizens: number;
  by_service: Record<string, number>;
  by_group: Record<string, number>;
  by_state: Record<string, number>;
  by_country: Record<string, number>;
  by_day: Array<{ day: string; received: number; sent: number }>;
  previous: { messages_received: number; from: string; to: string };
}

describe('reports from scripted conversations with numbers from several states', () => {
  it('counts messages by state, country, subject and office hours exactly, equal to counts over the raw messages', async () => {
    // Out of hours (13:00): Tocantins and Goiás write.
    await chat('5563999990601', 'Ana').declinesRegistration();
    await chat('5563999990601', 'Ana').says('tem um buraco enorme na rua', 'Tapa-buraco');
    await chat('5562999990602', 'Bia').declinesRegistration();
    // In hours (14:00): Minas Gerais, São Paulo, a US number and Tocantins again.
    clock.set('2026-11-30T17:00:00Z');
    await chat('5531999990603', 'Caio').declinesRegistration();
    await chat('5531999990603', 'Caio').says('tem um buraco enorme na rua', 'Tapa-buraco');
    await chat('5531999990603', 'Caio').taps('svc:tapa-buraco', 'Onde fica');
    await chat('5511999990604', 'Duda').declinesRegistration();
    await chat('14155550123', 'Eve').declinesRegistration();
    await chat('5563999990605', 'Fabi').declinesRegistration();
    await settled();

    const answer = await callApi(testApp.url, 'GET', `/api/reports/summary?from=${DAY}&to=${DAY}`, coordinator);
    expect(answer.status).toBe(200);
    const summary = answer.body as unknown as SummaryBody;
    // Each declinesRegistration is 2 messages; Ana and Caio add 1 and 2.
    expect(summary.messages_received).toBe(15);
    expect(summary.messages_outside_hours).toBe(5);
    expect(summary.messages_inside_hours).toBe(10);
    expect(summary.by_state).toEqual({ TO: 5, GO: 2, MG: 4, SP: 2 });
    expect(summary.by_country).toEqual({ BR: 13, US: 2 });
    expect(summary.by_service['tapa-buraco']).toBe(3);
    expect(summary.by_service['-']).toBe(12);
    expect(summary.by_group).toEqual({ 'servicos-urbanos': 3, '-': 12 });
    expect(summary.citizens).toBe(6);
    expect(summary.by_day).toEqual([{ day: DAY, received: 15, sent: summary.messages_sent }]);
    expect(summary.previous).toMatchObject({ from: '2026-11-29', to: '2026-11-29', messages_received: 0 });

    // The running counts equal counting the stored messages and sends one by one.
    const { db } = testApp.app.storage;
    const raw = await db.selectFrom('inbound_messages').innerJoin('citizens', 'citizens.key', 'inbound_messages.citizen_key').select('citizens.wa_id').execute();
    const byState: Record<string, number> = {};
    for (const { wa_id: waId } of raw) {
      const { state } = senderOrigin(waId);
      if (state) byState[state] = (byState[state] ?? 0) + 1;
    }
    expect(raw).toHaveLength(summary.messages_received);
    expect(byState).toEqual(summary.by_state);
    const sent = await db.selectFrom('outbox').select(sql<string>`count(*)`.as('n')).where('accepted_at', 'is not', null).executeTakeFirstOrThrow();
    expect(summary.messages_sent).toBe(Number(sent.n));
    expect(summary.messages_sent).toBeGreaterThan(0);
  });

  it('gives the same figures as CSV that reads back, and refuses bad periods in Portuguese', async () => {
    const json = (await callApi(testApp.url, 'GET', `/api/reports/summary?from=${DAY}&to=${DAY}`, coordinator)).body as unknown as SummaryBody;
    const response = await fetch(`${testApp.url}/api/reports/summary?from=${DAY}&to=${DAY}&format=csv`, { headers: { cookie: coordinator } });
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const rows = text.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['figure', 'key', 'value']);
    const value = (figure: string, key = '') => Number(rows.find(([f, k]) => f === figure && k === key)?.[2]);
    expect(value('messages_received')).toBe(json.messages_received);
    expect(value('messages_sent')).toBe(json.messages_sent);
    expect(value('by_state', 'GO')).toBe(2);
    expect(value('by_country', 'US')).toBe(2);

    const reversed = await callApi(testApp.url, 'GET', '/api/reports/summary?from=2026-12-01&to=2026-11-01', coordinator);
    expect(reversed).toMatchObject({ status: 400, body: { error: { message: 'A data final vem antes da inicial.' } } });
    expect((await callApi(testApp.url, 'GET', '/api/reports/summary?from=01/11/2026', coordinator)).status).toBe(400);
    expect((await callApi(testApp.url, 'GET', '/api/reports/summary', undefined)).status).toBe(401);
  });
});

describe('exports of requests', () => {
  it('writes the audit spreadsheet with each request, its place and whether it was on time, audited, and open data by region only', async () => {
    const { app } = testApp;
    const opened = await openServiceRequest(app.storage.db, app.repos, app.config.city, {
      serviceCode: 'lote-baldio', citizenKey: null, channel: 'phone', location: { text: 'ARSE 12', placeId: '106-sul' }, description: 'Terreno com mato alto', mediaIds: [],
    }, clock.now().getTime());
    if (!opened.ok) throw new Error(opened.error.message);

    const response = await fetch(`${testApp.url}/api/reports/requests.xlsx?from=${DAY}&to=${DAY}`, { headers: { cookie: coordinator } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [header, ...rows] = readFirstSheet(new Uint8Array(await response.arrayBuffer()));
    expect(header?.slice(0, 5)).toEqual(['Protocolo', 'Serviço', 'Secretaria', 'Canal', 'Situação']);
    const row = rows.find((r) => r[0] === opened.value.protocol);
    expect(row?.slice(1, 8)).toEqual(['Terreno baldio sujo / lote abandonado', expect.stringContaining('Planejamento'), 'phone', 'Aberto', 'normal', '106 Sul', 'Plano Diretor Sul']);
    // No description, contact or citizen anywhere in the file.
    expect(rows.flat().join(' ')).not.toContain('mato alto');
    const audit = await app.repos.audit.list(app.storage.db, { subjectType: 'report', limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'report.requests_exported' });

    const open = await fetch(`${testApp.url}/dados-abertos/pedidos.csv?from=${DAY}&to=${DAY}`);
    expect(open.status).toBe(200);
    const lines = (await open.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('mes,servico_codigo,servico,regiao,situacao,pedidos');
    expect(lines).toContain('2026-11,lote-baldio,Terreno baldio sujo / lote abandonado,Plano Diretor Sul,aberto,1');
    expect((await fetch(`${testApp.url}/api/reports/requests.xlsx`, { headers: { cookie: await signInAs(testApp, 'attendant') } })).status).toBe(403);
  });
});

describe('first answer to a citizen waiting for a person', () => {
  it('is counted once, in office-hours minutes, on the day of the answer', async () => {
    clock.set('2026-12-01T17:00:00Z'); // Tuesday 14:00 in Palmas
    await chat('5563999990610', 'Gil').asksForPersonAboutStreetLight();
    // A day later: a new sign-in.
    const attendant = await signInAs(testApp, 'coordinator', 'coordenacao.dia2@palmas.to.gov.br');
    const { items } = (await callApi(testApp.url, 'GET', '/api/inbox', attendant)).body as { items: Array<{ id: number }> };
    const id = items[0]?.id;
    expect((await callApi(testApp.url, 'POST', `/api/inbox/${id}/take`, attendant)).status).toBe(204);
    clock.set('2026-12-01T17:25:00Z');
    expect((await callApi(testApp.url, 'POST', `/api/inbox/${id}/reply`, attendant, { text: 'Boa tarde! Já vou ver o poste.' })).status).toBe(204);
    clock.set('2026-12-01T17:40:00Z');
    expect((await callApi(testApp.url, 'POST', `/api/inbox/${id}/reply`, attendant, { text: 'Registrado.' })).status).toBe(204);

    const summary = (await callApi(testApp.url, 'GET', '/api/reports/summary?from=2026-12-01&to=2026-12-01', attendant)).body as { first_response: unknown };
    expect(summary.first_response).toEqual({ count: 1, average_minutes: 25 });
  });
});
