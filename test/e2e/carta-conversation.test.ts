import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { cartaTestProfile } from '../support/carta-profile.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

// Tuesday 2026-12-01, 15:00 in Palmas: attendance open.
const clock = new ManualClock('2026-12-01T18:00:00Z');
const testApp = useTestApp({ clock, env: { CITY_CONFIG: cartaTestProfile(), PUBLIC_URL: 'https://whats.palmas.example' } });

const questions = async () => {
  const coordinator = await signInAs(testApp(), 'coordinator', `coord-${Math.random()}@palmas.to.gov.br`);
  return ((await callApi(testApp().url, 'GET', '/api/carta/questions?kind=all', coordinator)).body as { items: Array<{ text: string; outcome: string; entryId: string | null }> }).items;
};

describe('questions answered from the Carta de Serviços, through the real server', () => {
  it('answers a guidance question with the entry and its page, gives more details, and records "não era isso"', async () => {
    const ana = scriptedCitizen(testApp(), '5563999991001', 'Ana');
    await ana.declinesRegistration();
    const answer = await ana.says('como eu tiro a 2ª via do iptu?', 'segunda via do IPTU');
    expect(answer).toContain('https://whats.palmas.example/carta-de-servicos/iptu-segunda-via');
    expect(await ana.taps('carta:more:iptu-segunda-via', 'Como pedir')).toContain('Informação a confirmar');
    await ana.taps('carta:no:iptu-segunda-via', 'não ajudou');
    expect(await questions()).toContainEqual(expect.objectContaining({ text: 'como eu tiro a 2ª via do iptu?', outcome: 'not_helpful', entryId: 'iptu-segunda-via' }));
    await ana.taps('cmd:human', 'equipe de atendimento');
  });

  it('an unknown question is recorded and the menu or a person is offered', async () => {
    const bia = scriptedCitizen(testApp(), '5563999991002', 'Bia');
    await bia.declinesRegistration();
    await bia.says('qual o melhor time do brasil?', 'Anotei sua pergunta');
    expect(await questions()).toContainEqual(expect.objectContaining({ text: 'qual o melhor time do brasil?', outcome: 'unanswered', entryId: null }));
    await bia.taps('cmd:menu', 'Como posso ajudar');
  });

  it('a request still opens the request flow, not an answer', async () => {
    const caio = scriptedCitizen(testApp(), '5563999991003', 'Caio');
    await caio.declinesRegistration();
    await caio.says('tem um buraco enorme na minha rua', 'É isso?');
    await caio.taps('svc:tapa-buraco', 'Onde fica');
  });

  it("a coordinator's edit in the console changes the bot's next answer", async () => {
    const coordinator = await signInAs(testApp(), 'coordinator', 'editor@palmas.to.gov.br');
    const { entry } = (await callApi(testApp().url, 'GET', '/api/carta/entries/ouvidoria', coordinator)).body as { entry: Record<string, unknown> };
    const { id: _id, ...fields } = entry;
    const saved = await callApi(testApp().url, 'PUT', '/api/carta/entries/ouvidoria', coordinator, { ...fields, answer: '📣 Ouvidoria: agora também no *balcão do Resolve Palmas*.' });
    expect(saved.status).toBe(200);
    const davi = scriptedCitizen(testApp(), '5563999991004', 'Davi');
    await davi.declinesRegistration();
    await davi.says('qual o telefone da ouvidoria?', 'balcão do Resolve Palmas');
  });
});
