import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { cartaTestProfile } from '../support/carta-profile.js';
import { signInAs } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Monday 2026-11-30, 13:45 in Palmas.
const clock = new ManualClock('2026-11-30T16:45:00Z');
const SEMAPHORE = 'o semaforo da avenida esta desligado';
let testApp: TestApp;
let coordinator: string;
let attendant: string;

beforeAll(async () => {
  // The small test Carta has nothing on traffic lights, so the taught phrase reaches the classifier's service.
  testApp = await startTestApp({ clock, env: { CITY_CONFIG: cartaTestProfile() } });
  coordinator = await signInAs(testApp, 'coordinator');
  attendant = await signInAs(testApp, 'attendant');
});

afterAll(async () => {
  await testApp.close();
});

const call = (method: string, path: string, cookie: string | undefined, body?: unknown) => callApi(testApp.url, method, path, cookie, body);

const simulator = () => {
  const sim = testApp.app.simulator;
  if (!sim) throw new Error('the test app should run in simulator mode');
  return sim;
};

/** A citizen who declined registration and is at the menu. */
const citizenAtMenu = async (phone: string) => {
  const sim = simulator();
  await sim.sendText(phone, 'Rui', 'oi').acknowledged;
  await sim.waitForOutbound(phone, (m) => outboundText(m).includes('LGPD'));
  await sim.sendReply(phone, 'Rui', 'consent:no').acknowledged;
  await sim.waitForOutbound(phone, (m) => outboundText(m).includes('Como posso ajudar'));
};

interface ServiceTexts {
  code: string;
  texts: Array<{ field: string; value: unknown; default: unknown; edited: boolean; max_length: number }>;
}

describe('catalog texts and training phrases through the console API', () => {
  it('rewords a service and citizens, the console and Open311 see the new words at once', async () => {
    const changed = await call('PATCH', '/api/catalog/services/tapa-buraco', coordinator, { field: 'name', value: 'Buraco no asfalto' });
    expect(changed.status).toBe(200);
    const service = (changed.body as { service: ServiceTexts }).service;
    expect(service.texts.find((t) => t.field === 'name')).toMatchObject({ value: 'Buraco no asfalto', default: 'Tapa-buraco', edited: true, max_length: 100 });

    const config = (await call('GET', '/api/config', undefined)).body as { services: Array<{ code: string; name: string }> };
    expect(config.services.find((s) => s.code === 'tapa-buraco')?.name).toBe('Buraco no asfalto');
    const open311 = (await (await fetch(`${testApp.url}/open311/v2/services.json`)).json()) as Array<{ service_code: string; service_name: string }>;
    expect(open311.find((s) => s.service_code === 'tapa-buraco')?.service_name).toBe('Buraco no asfalto');

    const phone = '5563999990401';
    await citizenAtMenu(phone);
    expect((await call('PATCH', '/api/catalog/services/tapa-buraco', coordinator, { field: 'menuTitle', value: 'Buraco na rua' })).status).toBe(200);
    expect((await call('PATCH', '/api/catalog/services/tapa-buraco', coordinator, { field: 'prompt:location', value: 'Onde está o buraco? Mande a localização 📍' })).status).toBe(200);
    await simulator().sendText(phone, 'Rui', 'tem um buraco enorme na rua').acknowledged;
    await simulator().waitForOutbound(phone, (m) => outboundText(m).includes('Entendi: *Buraco na rua*'));
    await simulator().sendReply(phone, 'Rui', 'svc:tapa-buraco').acknowledged;
    await simulator().waitForOutbound(phone, (m) => outboundText(m).includes('Onde está o buraco? Mande a localização'));

    expect((await call('PATCH', '/api/catalog/services/tapa-buraco', coordinator, { field: 'name', value: null })).status).toBe(200);
    expect((await call('PATCH', '/api/catalog/services/tapa-buraco', coordinator, { field: 'menuTitle', value: 'Tapa-buraco' })).status).toBe(200);
    const back = (await call('GET', '/api/catalog/services', coordinator)).body as { services: ServiceTexts[] };
    expect(back.services.find((s) => s.code === 'tapa-buraco')?.texts.find((t) => t.field === 'name')).toMatchObject({ value: 'Tapa-buraco', edited: false });
    expect(back.services.find((s) => s.code === 'tapa-buraco')?.texts.filter((t) => t.edited).map((t) => t.field)).toEqual(['prompt:location']);
  });

  it('teaches the bot a phrase: the classifier and the conversation understand it from the next message on', async () => {
    const before = (await call('POST', '/api/nlu/classify', coordinator, { text: SEMAPHORE })).body;
    expect(before.service_code).not.toBe('informacoes-gerais');

    const taught = await call('POST', '/api/nlu/intents/informacoes-gerais/phrases', coordinator, { text: 'semáforo desligado no cruzamento' });
    expect(taught.status).toBe(201);
    expect(taught.body).toMatchObject({ intent: { intent: 'informacoes-gerais', phrases: expect.arrayContaining([{ text: 'semáforo desligado no cruzamento', origin: 'console' }]) } });
    expect((await call('POST', '/api/nlu/classify', coordinator, { text: SEMAPHORE })).body.service_code).toBe('informacoes-gerais');

    const phone = '5563999990402';
    await citizenAtMenu(phone);
    await simulator().sendText(phone, 'Rui', SEMAPHORE).acknowledged;
    await simulator().waitForOutbound(phone, (m) => outboundText(m).includes('Outras informações'));

    const twice = await call('POST', '/api/nlu/intents/tapa-buraco/phrases', coordinator, { text: 'Semáforo desligado no cruzamento' });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'phrase_elsewhere', message: expect.stringContaining('Outras informações') } } });
    const untaught = await call('DELETE', `/api/nlu/intents/informacoes-gerais/phrases?text=${encodeURIComponent('semáforo desligado no cruzamento')}`, coordinator);
    expect(untaught.status).toBe(200);
    expect((await call('POST', '/api/nlu/classify', coordinator, { text: SEMAPHORE })).body.service_code).not.toBe('informacoes-gerais');
  });

  it('says what is wrong in Portuguese, and keeps attendants (403) and strangers (401) out', async () => {
    const long = await call('PATCH', '/api/catalog/services/tapa-buraco', coordinator, { field: 'menuDescription', value: 'x'.repeat(80) });
    expect(long).toMatchObject({ status: 400, body: { error: { code: 'invalid_text', message: 'Descrição no menu: no máximo 72 caracteres (tem 80).' } } });
    expect((await call('PATCH', '/api/catalog/services/nada', coordinator, { field: 'name', value: 'X' })).status).toBe(404);
    expect((await call('POST', '/api/nlu/intents/nada/phrases', coordinator, { text: 'oi' })).status).toBe(404);
    expect((await call('GET', '/api/catalog/services', attendant)).status).toBe(403);
    expect((await call('PATCH', '/api/catalog/services/tapa-buraco', attendant, { field: 'name', value: 'X' })).status).toBe(403);
    expect((await call('GET', '/api/nlu/intents', attendant)).status).toBe(403);
    expect((await call('POST', '/api/nlu/intents/thanks/phrases', undefined, { text: 'vlw demais' })).status).toBe(401);
  });

  it('lists every intent with its phrases and Portuguese names, and is in the OpenAPI document', async () => {
    const { intents } = (await call('GET', '/api/nlu/intents', coordinator)).body as { intents: Array<{ intent: string; label: string; phrases: unknown[] }> };
    expect(intents.find((i) => i.intent === 'thanks')).toMatchObject({ label: 'Agradecimentos e despedidas', phrases: expect.arrayContaining([{ text: 'valeu', origin: 'profile' }]) });
    expect(intents.find((i) => i.intent === 'iluminacao-publica')?.label).toBe('Troca de lâmpada / iluminação pública');
    const spec = (await call('GET', '/api/docs/json', undefined)).body as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/catalog/services', '/api/catalog/services/{code}', '/api/nlu/intents', '/api/nlu/intents/{intent}/phrases']));
  });
});
