import { describe, expect, it } from 'vitest';
import { cartaTestProfile } from '../../../test/support/carta-profile.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { createTranslator } from '../../platform/i18n.js';
import type { EngineContext, Turn, Understanding } from '../context.js';
import { converse, initialState, type ConversationState } from '../engine.js';
import type { Reply } from '../reply.js';

const city = loadCityProfile(cartaTestProfile());
const base: EngineContext = { city, t: createTranslator(city.texts), alwaysOpen: true };
const AT = Date.parse('2026-12-01T18:00:00Z');
const atMenu: ConversationState = { version: 2, step: { name: 'menu' }, lastActivityAt: AT };

const turn = (content: Turn['content'], understanding?: Understanding): Turn => ({
  content,
  at: AT + 1000,
  profileName: 'Ana',
  citizen: { name: 'Ana', consent: 'accepted', optedIn: false, topics: [] },
  understanding,
  closures: [],
});
const ask = (text: string, understanding: Understanding, ctx = base) => converse(atMenu, turn({ type: 'text', body: text }, understanding), ctx);
const tap = (id: string) => converse(atMenu, turn({ type: 'reply', id, title: id, source: 'button' }), base);
const entry = (id: string): Understanding => ({ serviceCode: null, intent: null, confidence: 0, carta: { kind: 'entry', id, score: 12 } });
const none: Understanding = { serviceCode: null, intent: null, confidence: 0.1, carta: { kind: 'none', id: null, score: 0 } };
const options = (reply: Reply | undefined) => (reply && 'options' in reply ? reply.options : []);

describe('questions answered from the Carta de Serviços', () => {
  it('answers with the entry, its public page when PUBLIC_URL is set, and at most three short buttons', () => {
    const { replies, effects } = ask('como tiro a segunda via do iptu?', entry('iptu-segunda-via'), { ...base, publicUrl: 'https://whats.palmas.example/' });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain('segunda via do IPTU');
    expect(replies[0]?.body).toContain('https://whats.palmas.example/carta-de-servicos/iptu-segunda-via');
    expect(options(replies[0]).map((o) => o.id)).toEqual(['carta:more:iptu-segunda-via', 'carta:no:iptu-segunda-via', 'cmd:human']);
    expect(options(replies[0]).every((o) => o.title.length <= 20)).toBe(true);
    expect(effects).toEqual([{ kind: 'record_carta_question', text: 'como tiro a segunda via do iptu?', entryId: 'iptu-segunda-via' }]);
    expect(ask('como tiro a segunda via do iptu?', entry('iptu-segunda-via')).replies[0]?.body).not.toContain('http');
  });

  it('gives the known details and says how to confirm the unknown ones', () => {
    const { replies } = tap('carta:more:ouvidoria');
    const body = replies[0]?.body ?? '';
    expect(body).toContain('(63) 9 9219-9853');
    expect(body).toContain('Edifício Buriti');
    expect(body).toContain('15 dias');
    expect(body).not.toContain('Ainda não temos confirmado');
    const alvara = tap('carta:more:alvara-funcionamento').replies[0]?.body ?? '';
    expect(alvara).toContain('Ainda não temos confirmado: onde, quando, custo, prazo');
    expect(alvara).toContain('Informação a confirmar');
    expect(alvara.length).toBeLessThanOrEqual(1024);
  });

  it('"não era isso" is recorded and offers the menu or a person', () => {
    const { replies, effects } = tap('carta:no:iptu-segunda-via');
    expect(effects).toEqual([{ kind: 'carta_not_helpful' }]);
    expect(options(replies[0]).map((o) => o.id)).toEqual(['cmd:menu', 'cmd:human']);
    expect(converse(atMenu, turn({ type: 'reply', id: 'cmd:human', title: 'x', source: 'button' }), base).effects.map((e) => e.kind)).toEqual(['handoff']);
  });

  it('an unknown question is recorded and never a dead end; a request still asks to confirm the service', () => {
    const unknown = ask('qual o melhor time do brasil', none);
    expect(unknown.effects).toEqual([{ kind: 'record_carta_question', text: 'qual o melhor time do brasil', entryId: null }]);
    expect(options(unknown.replies[0]).map((o) => o.id)).toEqual(['cmd:menu', 'cmd:human']);
    const request = ask('tem um buraco enorme na minha rua', { serviceCode: 'tapa-buraco', intent: 'tapa-buraco', confidence: 0.9, carta: { kind: 'service', id: 'tapa-buraco', score: 0.9 } });
    expect(request.state.step).toEqual({ name: 'confirmService', serviceCode: 'tapa-buraco' });
    expect(request.effects).toEqual([]);
    // One word is not a question worth keeping: the menu, as before.
    expect(ask('blablabla', none).effects).toEqual([]);
  });

  it("a city without a Carta keeps the menu's answer", () => {
    const empty: EngineContext = { ...base, city: { ...city, carta: { ...city.carta, entries: [] } } };
    const { replies, effects } = ask('qual o melhor time do brasil', none, empty);
    expect(effects).toEqual([]);
    expect(replies[0]?.kind).toBe('list');
  });

  it('the first message, a question, is answered right after the privacy notice', () => {
    const first = converse(initialState(), { ...turn({ type: 'text', body: 'telefone da ouvidoria?' }, entry('ouvidoria')), citizen: { name: undefined, consent: undefined, optedIn: false, topics: [] } }, base);
    expect(first.state.pending).toMatchObject({ cartaEntryId: 'ouvidoria' });
    const accepted = converse(first.state, { ...turn({ type: 'reply', id: 'consent:yes', title: 'Aceito', source: 'button' }), citizen: { name: undefined, consent: undefined, optedIn: false, topics: [] } }, base);
    expect(accepted.state.step.name).toBe('askName');
  });
});
