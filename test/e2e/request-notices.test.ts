import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { outboundText } from '../../src/channels/simulator/index.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signInAs } from '../support/sign-in.js';
import { CSRF_HEADERS, useTestApp } from '../support/test-app.js';

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

/** A citizen who declined registration and reports a pothole at `pin`; returns the bot's last reply. */
const reportPothole = async (phone: string, name: string, pin: { latitude: number; longitude: number }, expected: string) => {
  const citizen = scriptedCitizen(testApp(), phone, name);
  await citizen.declinesRegistration();
  await citizen.says('tem um buraco enorme na rua', 'Tapa-buraco');
  await citizen.taps('svc:tapa-buraco', 'Onde fica?');
  await citizen.pins(pin, 'Descreva o buraco');
  await citizen.says('buraco fundo perto da faixa de pedestres', 'foto');
  await citizen.taps('skip', 'ponto de referência');
  await citizen.says('pular', 'Confira o pedido');
  return citizen.taps('req:confirm', expected);
};

describe('requests reported twice, through the real server', () => {
  it('tells the second citizen the existing protocol and makes them a follower of it', async () => {
    const first = await reportPothole('5563999990601', 'Nina', { latitude: -10.1844, longitude: -48.3336 }, 'Protocolo');
    const primary = /\*(\d{4}-\d{6})\*/.exec(first)?.[1];
    const second = await reportPothole('5563999990602', 'Otto', { latitude: -10.1842, longitude: -48.3336 }, 'Já existe um pedido aberto');
    expect(second).toContain(`*${primary}*`);
    const { db } = testApp().app.storage;
    const row = await db.selectFrom('service_requests').select(['id', 'protocol']).where('protocol', '=', primary ?? '').executeTakeFirstOrThrow();
    expect(await testApp().app.repos.followers.of(db, Number(row.id))).toEqual(['5563999990602']);
    const otto = scriptedCitizen(testApp(), '5563999990602', 'Otto');
    expect(await otto.says(`protocolo ${primary}`, 'Situação')).toContain('Aberto');
  });
});

const patch = async (cookie: string, protocol: string, body: unknown) =>
  (await fetch(`${testApp().url}/api/requests/${protocol}`, { method: 'PATCH', headers: { ...CSRF_HEADERS, cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) })).status;

describe('status notices through the real server', () => {
  it('tells the citizen of each change, asks on conclusion whether it was solved, and takes a rating', async () => {
    const opened = await reportPothole('5563999990611', 'Paulo', { latitude: -10.2401, longitude: -48.3201 }, 'Protocolo');
    const protocol = /\*(\d{4}-\d{6})\*/.exec(opened)?.[1] ?? '';
    const coordinator = await signInAs(testApp(), 'coordinator', 'coord.notices@palmas.to.gov.br');
    const sim = testApp().app.simulator;
    if (!sim) throw new Error('simulator mode expected');

    expect(await patch(coordinator, protocol, { status: 'em_execucao', note: 'Equipe a caminho' })).toBe(200);
    const notice = await sim.waitForOutbound('5563999990611', (m) => outboundText(m).includes('Em execução'));
    expect(outboundText(notice)).toContain(protocol);
    expect(outboundText(notice)).toContain('Equipe a caminho');

    expect(await patch(coordinator, protocol, { status: 'concluido' })).toBe(200);
    await sim.waitForOutbound('5563999990611', (m) => outboundText(m).includes('foi concluído'));
    const paulo = scriptedCitizen(testApp(), '5563999990611', 'Paulo');
    await paulo.taps(`fb:yes:${protocol}`, 'De 1 a 5');
    await paulo.taps(`rate:${protocol}:5`, 'Obrigado pela avaliação');
    const row = await testApp().app.storage.db.selectFrom('service_requests').select(['status', 'solved', 'rating']).where('protocol', '=', protocol).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'concluido', solved: 1, rating: 5 });
  });
});
