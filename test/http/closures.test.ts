import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { signInAs } from '../support/sign-in.js';
import { callApi } from '../support/api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Monday 2026-11-30, 13:45 in Palmas: attendance is open.
const clock = new ManualClock('2026-11-30T16:45:00Z');
let testApp: TestApp;
let coordinator: string;
let attendant: string;

beforeAll(async () => {
  testApp = await startTestApp({ clock });
  coordinator = await signInAs(testApp, 'coordinator');
  attendant = await signInAs(testApp, 'attendant');
});

afterAll(async () => {
  await testApp.close();
});

const call = (method: string, path: string, cookie: string | undefined, body?: unknown) => callApi(testApp.url, method, path, cookie, body);

describe('attendance closures through the console API', () => {
  it('lets a coordinator close today, and the bot then tells citizens attendance reopens tomorrow', async () => {
    const added = await call('POST', '/api/closures', coordinator, { first_day: '2026-11-30', reason: 'Ponto facultativo por decreto' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ closure: { first_day: '2026-11-30', last_day: '2026-11-30', reason: 'Ponto facultativo por decreto' } });

    const sim = testApp.app.simulator;
    if (!sim) throw new Error('the test app should run in simulator mode');
    const phone = '5563999990301';
    await sim.sendText(phone, 'Lia', 'oi').acknowledged;
    await sim.waitForOutbound(phone, (m) => outboundText(m).includes('LGPD'));
    await sim.sendReply(phone, 'Lia', 'consent:no').acknowledged;
    await sim.waitForOutbound(phone, (m) => outboundText(m).includes('Como posso ajudar'));
    await sim.sendText(phone, 'Lia', 'atendente').acknowledged;
    const reply = await sim.waitForOutbound(phone, (m) => outboundText(m).includes('fora do horário'));
    expect(outboundText(reply)).toContain('amanhã, às 13h30');

    const listed = await call('GET', '/api/closures', attendant);
    expect(listed.body).toMatchObject({ closures: [{ reason: 'Ponto facultativo por decreto' }] });
    const id = (added.body as { closure: { id: number } }).closure.id;
    expect((await call('DELETE', `/api/closures/${id}`, coordinator)).status).toBe(204);
    expect((await call('GET', '/api/closures', attendant)).body).toEqual({ closures: [] });
    expect((await call('DELETE', `/api/closures/${id}`, coordinator)).status).toBe(404);
  });

  it('refuses attendants (403) and anonymous callers (401), and explains bad input in Portuguese', async () => {
    expect((await call('POST', '/api/closures', attendant, { first_day: '2026-12-24', reason: 'Natal' })).status).toBe(403);
    expect((await call('POST', '/api/closures', undefined, { first_day: '2026-12-24', reason: 'Natal' })).status).toBe(401);
    expect((await call('GET', '/api/closures', undefined)).status).toBe(401);
    const reversed = await call('POST', '/api/closures', coordinator, { first_day: '2026-12-24', last_day: '2026-12-20', reason: 'Natal' });
    expect(reversed).toMatchObject({ status: 400, body: { error: { code: 'range_reversed', message: 'A data final vem antes da inicial.' } } });
    expect((await call('POST', '/api/closures', coordinator, { reason: 'sem data' })).status).toBe(400);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await call('GET', '/api/docs/json', undefined)).body as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/closures', '/api/closures/{id}']));
  });
});
