import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { cartaTestProfile } from '../support/carta-profile.js';
import { signInAs } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Monday 2026-11-30, 13:45 in Palmas.
const clock = new ManualClock('2026-11-30T16:45:00Z');
let testApp: TestApp;
let coordinator: string;
let attendant: string;
let admin: string;

beforeAll(async () => {
  testApp = await startTestApp({ clock, env: { CITY_CONFIG: cartaTestProfile(), PUBLIC_URL: 'https://whats.palmas.example' } });
  coordinator = await signInAs(testApp, 'coordinator');
  attendant = await signInAs(testApp, 'attendant');
  admin = await signInAs(testApp, 'admin');
});

afterAll(async () => {
  await testApp.close();
});

const call = (method: string, path: string, cookie: string | undefined, body?: unknown) => callApi(testApp.url, method, path, cookie, body);

interface Detail {
  entry: Record<string, unknown> & { id: string; answer: string; questions: string[]; lastReviewed: string; review: { needed: boolean } };
  edited: boolean;
  editedBy: string | null;
  editedAt: string | null;
  reviewDue: boolean;
  publicUrl: string;
}

const entryOf = async (id: string): Promise<Detail> => (await call('GET', `/api/carta/entries/${id}`, attendant)).body as unknown as Detail;
const fieldsOf = ({ id: _id, ...fields }: Detail['entry']) => fields;

describe('Carta de Serviços through the console API', () => {
  it('lists categories and entries with review and use figures for every staff role, and nobody signed out', async () => {
    expect((await call('GET', '/api/carta/entries', undefined)).status).toBe(401);
    const listed = await call('GET', '/api/carta/entries', attendant);
    expect(listed.status).toBe(200);
    const { categories, items } = listed.body as { categories: Array<{ id: string }>; items: Array<{ id: string; reviewDue: boolean; reviewNeeded: boolean; edited: boolean; answers30d: number }> };
    expect(categories.map((c) => c.id)).toContain('impostos');
    expect(items.find((i) => i.id === 'iptu-segunda-via')).toMatchObject({ reviewNeeded: true, reviewDue: true, edited: false, answers30d: 0 });
    // Reviewed in May 2026, more than six months before 30 November.
    expect(items.find((i) => i.id === 'zeladoria-contato')).toMatchObject({ reviewNeeded: false, reviewDue: true });
    expect(items.find((i) => i.id === 'ouvidoria')).toMatchObject({ reviewNeeded: false, reviewDue: false });
  });

  it('shows one entry with its public page, and 404 for an unknown one', async () => {
    const detail = await entryOf('ouvidoria');
    expect(detail).toMatchObject({ edited: false, editedAt: null, editedBy: null, reviewDue: false, publicUrl: 'https://whats.palmas.example/carta-de-servicos/ouvidoria' });
    expect(detail.entry.phones).toContain('(63) 9 9219-9853');
    const missing = await call('GET', '/api/carta/entries/nao-existe', attendant);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'entry_not_found' } });
  });

  it('lets coordinators edit (audited, seen at once), refuses attendants and invalid fields with the fields named', async () => {
    const detail = await entryOf('alvara-funcionamento');
    const body = { ...fieldsOf(detail.entry), answer: 'Alvará: peça no *Resolve Palmas*.' };
    expect((await call('PUT', '/api/carta/entries/alvara-funcionamento', attendant, body)).status).toBe(403);
    expect((await call('PUT', '/api/carta/entries/alvara-funcionamento', undefined, body)).status).toBe(401);

    const tooLong = await call('PUT', '/api/carta/entries/alvara-funcionamento', coordinator, { ...body, answer: 'x'.repeat(701) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ error: { code: 'invalid_entry', fields: ['answer'], message: 'Resposta: no máximo 700 caracteres, para caber numa tela de celular' } });
    const notAList = await call('PUT', '/api/carta/entries/alvara-funcionamento', coordinator, { ...body, requirements: 'um texto' });
    // Where the schema has no words of its own, zod's in Portuguese: coordinators read it.
    expect((notAList.body.error as { message: string }).message).toMatch(/^Requisitos: .*(esperado|esperava|inválid)/i);
    const noSteps = await call('PUT', '/api/carta/entries/alvara-funcionamento', coordinator, { ...body, howToAsk: [] });
    expect(noSteps.body).toMatchObject({ error: { fields: ['howToAsk'] } });
    const badUrl = await call('PUT', '/api/carta/entries/alvara-funcionamento', coordinator, { ...body, officialUrl: 'javascript:alert(1)' });
    expect(badUrl.body).toMatchObject({ error: { fields: ['officialUrl'] } });
    const badCategory = await call('PUT', '/api/carta/entries/alvara-funcionamento', coordinator, { ...body, category: 'nenhuma' });
    expect(badCategory.status).toBe(400);
    expect(badCategory.body).toMatchObject({ error: { fields: ['category'] } });
    expect((await call('PUT', '/api/carta/entries/nao-existe', coordinator, body)).status).toBe(404);

    const saved = await call('PUT', '/api/carta/entries/alvara-funcionamento', coordinator, { ...body, markReviewed: true });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ edited: true, editedBy: 'coordinator', reviewDue: false, entry: { answer: 'Alvará: peça no *Resolve Palmas*.', lastReviewed: '2026-11-30', review: { needed: false } } });
    expect((await entryOf('alvara-funcionamento')).entry.answer).toBe('Alvará: peça no *Resolve Palmas*.');
    const page = await (await fetch(`${testApp.url}/carta-de-servicos/alvara-funcionamento`)).text();
    expect(page).toContain('Alvará: peça no <strong>Resolve Palmas</strong>.');

    const audit = (await call('GET', '/api/audit', admin)).body.entries as Array<{ action: string; subject_id?: string }>;
    expect(audit.map((a) => a.action)).toContain('carta.entry_edited');

    // Saving the profile's own entry again goes back to the file.
    const back = await call('PUT', '/api/carta/entries/alvara-funcionamento', coordinator, fieldsOf(detail.entry));
    expect(back.body).toMatchObject({ edited: false });
  });

  it('adds a new entry once (409 the second time)', async () => {
    const base = fieldsOf((await entryOf('ouvidoria')).entry);
    const fresh = { ...base, id: 'protocolo-geral', title: 'Protocolo geral', questions: ['como abro um processo na prefeitura', 'protocolo geral', 'dar entrada em documento', 'abrir processo administrativo'] };
    expect((await call('POST', '/api/carta/entries', attendant, fresh)).status).toBe(403);
    const created = await call('POST', '/api/carta/entries', coordinator, fresh);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ entry: { id: 'protocolo-geral' }, edited: true });
    expect((await call('POST', '/api/carta/entries', coordinator, fresh)).status).toBe(409);
    expect((await call('POST', '/api/carta/entries', coordinator, { ...fresh, id: 'Com Espaço' })).status).toBe(400);
  });

  it('answers the console test box with the same decision the bot makes', async () => {
    expect((await call('GET', '/api/carta/search?q=x', undefined)).status).toBe(401);
    expect((await call('GET', '/api/carta/search', attendant)).status).toBe(400);
    const question = (await call('GET', `/api/carta/search?q=${encodeURIComponent('como tiro a 2ª via do IPTU?')}`, attendant)).body as { decision: { kind: string; id: string }; results: Array<{ id: string }> };
    expect(question.decision).toMatchObject({ kind: 'entry', id: 'iptu-segunda-via' });
    expect(question.results[0]?.id).toBe('iptu-segunda-via');
    const request = (await call('GET', `/api/carta/search?q=${encodeURIComponent('tem um buraco enorme na minha rua')}`, attendant)).body as { decision: { kind: string; id: string } };
    expect(request.decision).toMatchObject({ kind: 'service', id: 'tapa-buraco' });
    const nothing = (await call('GET', `/api/carta/search?q=${encodeURIComponent('qual o melhor time do brasil')}`, attendant)).body as { decision: { kind: string; id: null } };
    expect(nothing.decision).toMatchObject({ kind: 'none', id: null });
  });

  it('lists questions and resolves one, teaching its words to an entry', async () => {
    const { db } = testApp.app.storage;
    const ask = (text: string, outcome: 'unanswered' | 'not_helpful', entryId: string | null) => testApp.app.repos.carta.recordQuestion(db, { citizenRef: 'ref-1', text, entryId, outcome }, clock.now().getTime());
    const unanswered = await ask('onde pago a taxa do lixo', 'unanswered', null);
    await ask('cadê o carnê', 'not_helpful', 'iptu-segunda-via');
    const listed = (await call('GET', '/api/carta/questions?kind=unanswered&resolved=false', attendant)).body as { items: Array<{ id: number; text: string; outcome: string; resolved: boolean }> };
    expect(listed.items).toEqual([expect.objectContaining({ id: unanswered, text: 'onde pago a taxa do lixo', outcome: 'unanswered', resolved: false, entryId: null })]);
    const unhelpful = (await call('GET', '/api/carta/questions?kind=not_helpful', attendant)).body as { items: Array<{ entryTitle: string }> };
    expect(unhelpful.items[0]).toMatchObject({ entryTitle: 'Segunda via do IPTU' });
    expect((await call('GET', '/api/carta/questions?kind=outra', attendant)).status).toBe(400);

    expect((await call('POST', `/api/carta/questions/${unanswered}/resolve`, attendant, {})).status).toBe(403);
    expect((await call('POST', '/api/carta/questions/999999/resolve', coordinator, {})).status).toBe(404);
    const resolved = await call('POST', `/api/carta/questions/${unanswered}/resolve`, coordinator, { entryId: 'iptu-segunda-via', addAsQuestion: true });
    expect(resolved.status).toBe(204);
    expect((await entryOf('iptu-segunda-via')).entry.questions).toContain('onde pago a taxa do lixo');
    const after = (await call('GET', '/api/carta/questions?kind=unanswered&resolved=false', attendant)).body as { items: unknown[] };
    expect(after.items).toEqual([]);
  });

  it('documents every Carta route in /api/docs', async () => {
    const spec = (await call('GET', '/api/docs/json', undefined)).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(spec.paths['/api/carta/entries'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(spec.paths['/api/carta/entries/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'put']));
    for (const path of ['/api/carta/questions', '/api/carta/questions/{id}/resolve', '/api/carta/search']) expect(spec.paths[path], path).toBeDefined();
  });
});
