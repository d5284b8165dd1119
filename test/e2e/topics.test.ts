import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const clock = new ManualClock('2026-11-30T17:00:00Z');
let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ clock });
});

afterAll(async () => {
  await testApp.close();
});

const chat = (phone: string, name: string) => scriptedCitizen(testApp, phone, name);
const topicsOf = (key: string) => testApp.app.repos.consent.topicsOf(testApp.app.storage.db, key);
const consents = async (key: string) =>
  (await testApp.app.repos.consent.history(testApp.app.storage.db, key)).reverse().map((e) => [e.subject, e.topic_id, e.granted, e.channel]);

describe('broadcast topics and consent through the simulator', () => {
  it('records each consent with its words: all topics at registration, one left, everything left with SAIR, one back', async () => {
    const phone = '5563999990901';
    await chat(phone, 'Joana').registers('Joana', 'arse 12', '106 Sul');
    expect(await topicsOf(phone)).toEqual(['defesa-civil', 'eventos', 'obras-transito', 'saude']);

    await chat(phone, 'Joana').says('não quero mais avisos de eventos', 'não vai mais receber avisos de *Eventos*');
    expect(await topicsOf(phone)).toEqual(['defesa-civil', 'obras-transito', 'saude']);
    const mine = await chat(phone, 'Joana').says('meus avisos', 'Você recebe avisos');
    expect(mine).toContain('Saúde, Obras e trânsito e Chuvas e Defesa Civil');

    await chat(phone, 'Joana').says('PARAR', 'Confirma?');
    await chat(phone, 'Joana').taps('optout:yes', 'saiu da lista de avisos');
    expect(await topicsOf(phone)).toEqual([]);

    await chat(phone, 'Joana').says('quero receber alertas de chuva', 'avisos de *Chuvas e Defesa Civil*');
    expect(await topicsOf(phone)).toEqual(['defesa-civil']);
    const profile = await testApp.app.repos.citizens.profileByKey(testApp.app.storage.db, phone);
    expect(profile).toMatchObject({ broadcast_opted_out_at: null });
    expect(profile?.broadcast_opted_in_at).not.toBeNull();

    expect(await consents(phone)).toEqual([
      ['privacy', null, 1, 'whatsapp'],
      ['broadcasts', null, 1, 'whatsapp'],
      ['topic', 'saude', 1, 'whatsapp'],
      ['topic', 'obras-transito', 1, 'whatsapp'],
      ['topic', 'eventos', 1, 'whatsapp'],
      ['topic', 'defesa-civil', 1, 'whatsapp'],
      ['topic', 'eventos', 0, 'whatsapp'],
      ['broadcasts', null, 0, 'whatsapp'],
      ['broadcasts', null, 1, 'whatsapp'],
      ['topic', 'defesa-civil', 1, 'whatsapp'],
    ]);
    const [first] = await testApp.app.repos.consent.history(testApp.app.storage.db, phone, 1000).then((rows) => rows.reverse());
    expect(first?.wording).toContain('LGPD');
  });

  it('lets a citizen who declined pick one topic from the AVISOS list', async () => {
    const phone = '5563999990902';
    await chat(phone, 'Rui').declinesRegistration();
    await chat(phone, 'Rui').says('avisos', 'Sobre o que você quer receber avisos');
    await chat(phone, 'Rui').taps('topic:obras-transito', 'avisos de *Obras e trânsito*');
    expect(await topicsOf(phone)).toEqual(['obras-transito']);
  });
});
