import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../config/city-profile.js';
import { createTranslator } from '../platform/i18n.js';
import { fromRoot } from '../platform/paths.js';
import type { ExtraClosure } from '../domain/calendar/index.js';
import type { CitizenView, EngineContext, Turn, Understanding } from './context.js';
import { converse, IDLE_MS, initialState, type ConversationState } from './engine.js';
import type { InboundContent } from './input.js';
import type { Effect, Reply } from './reply.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const ctx: EngineContext = { city, t: createTranslator(city.texts), alwaysOpen: false };
// Tuesday 2026-12-01 15:00 in Palmas (UTC-3): attendance open.
const OPEN = Date.parse('2026-12-01T18:00:00Z');
// Saturday 2026-12-05 10:00 in Palmas: closed until Monday 13:30.
const SATURDAY = Date.parse('2026-12-05T13:00:00Z');

/** A scripted citizen: keeps the state and the citizen's record between turns, as the application would. */
const citizen = (start: { consent?: CitizenView['consent']; name?: string } = {}) => {
  let state: ConversationState = initialState();
  const view: CitizenView = { name: start.name, consent: start.consent, optedIn: false, topics: [] };
  let at = OPEN;
  const closures: ExtraClosure[] = [];
  const say = (content: InboundContent, understanding?: Understanding) => {
    const turn: Turn = { content, at, profileName: 'Joana Silva', citizen: { ...view }, understanding, closures: [...closures] };
    const outcome = converse(state, turn, ctx);
    state = outcome.state;
    at += 5_000;
    for (const effect of outcome.effects) {
      if (effect.kind === 'record_consent') view.consent = effect.accepted ? 'accepted' : 'declined';
      if (effect.kind === 'save_registration' && effect.name) view.name = effect.name;
      if (effect.kind === 'set_opt_in') view.optedIn = effect.optedIn;
      if (effect.kind === 'set_topics') view.topics = [...view.topics.filter((t) => !effect.unsubscribe.includes(t)), ...effect.subscribe];
    }
    return outcome;
  };
  return {
    text: (body: string, understanding?: Understanding) => say({ type: 'text', body }, understanding),
    tap: (id: string) => say({ type: 'reply', id, title: id, source: 'button' }),
    send: say,
    state: () => state,
    view,
    wait: (ms: number) => (at += ms),
    at: (when: number) => (at = when),
    closeOn: (closure: ExtraClosure) => closures.push(closure),
  };
};

const bodies = (replies: Reply[]): string => replies.map((r) => r.body).join('\n---\n');
const optionIds = (reply: Reply | undefined): string[] => (reply && 'options' in reply ? reply.options.map((o) => o.id) : []);
const kinds = (effects: Effect[]): string[] => effects.map((e) => e.kind);

describe('first contact and registration', () => {
  it('greets in the Prefeitura\'s name with the privacy notice, whatever the first word', () => {
    const joana = citizen();
    const { replies } = joana.text('boa tarde');
    expect(bodies(replies)).toContain('canal oficial da Prefeitura de Palmas');
    expect(bodies(replies)).toContain('LGPD');
    expect(optionIds(replies[0])).toEqual(['consent:yes', 'consent:no']);
  });

  it('registers name, place (with aliases) and opt-in step by step, then shows the menu', () => {
    const joana = citizen();
    joana.text('oi');
    expect(joana.tap('consent:yes').effects).toEqual([{ kind: 'record_consent', accepted: true }]);
    expect(bodies(joana.text('😀😀').replies)).toContain('Não entendi o nome');
    const named = joana.text('joana');
    expect(named.effects).toEqual([{ kind: 'save_registration', name: 'Joana' }]);
    expect(bodies(named.replies)).toContain('Prazer, Joana!');
    const place = joana.text('arse 12');
    expect(bodies(place.replies)).toContain('106 Sul');
    const confirmed = joana.tap('place:yes');
    expect(confirmed.effects[0]).toMatchObject({ kind: 'save_registration', place: { text: expect.stringContaining('106 Sul') } });
    const done = joana.tap('optin:yes');
    // One tap is everything: the list and every topic, recorded with the question she answered.
    const asked = expect.stringContaining('Quer receber avisos da Prefeitura');
    expect(done.effects).toEqual([
      { kind: 'set_opt_in', optedIn: true, wording: asked },
      { kind: 'set_topics', subscribe: ['saude', 'obras-transito', 'eventos', 'defesa-civil'], unsubscribe: [], wording: asked },
    ]);
    expect(done.replies[0]).toMatchObject({ kind: 'text', body: expect.stringContaining('Saúde, Obras e trânsito, Eventos e Chuvas e Defesa Civil') });
    expect(done.replies[1]).toMatchObject({ kind: 'list', body: expect.stringContaining('Tudo certo, Joana!') });
  });

  it('never blocks service when registration is declined, and answers the first message afterwards', () => {
    const ana = citizen();
    ana.text('tem um poste apagado na minha rua', { serviceCode: 'iluminacao-publica', intent: null, confidence: 0.9 });
    const declined = ana.tap('consent:no');
    expect(declined.effects).toEqual([{ kind: 'record_consent', accepted: false }]);
    expect(bodies(declined.replies)).toContain('Iluminação pública');
    expect(ana.state().step).toEqual({ name: 'confirmService', serviceCode: 'iluminacao-publica' });
  });

  it('rejects a place outside Palmas and lets the citizen skip', () => {
    const rui = citizen();
    rui.text('oi');
    rui.tap('consent:yes');
    rui.text('Rui');
    expect(bodies(rui.text('luzimangues').replies)).toContain('fora de Palmas');
    expect(bodies(rui.send({ type: 'location', latitude: -16.68, longitude: -49.25 }).replies)).toContain('fora de Palmas');
    expect(bodies(rui.text('não sei').replies)).toContain('avisos');
  });
});

describe('asking for a service', () => {
  it('understands free text, asks to confirm, then location, description, photo, summary and opens the request', () => {
    const joana = citizen({ consent: 'accepted', name: 'Joana' });
    const guess = joana.text('o poste aqui da rua ta apagado faz 3 dias', { serviceCode: 'iluminacao-publica', intent: null, confidence: 0.9 });
    expect(bodies(guess.replies)).toContain('Entendi: *Iluminação pública*');
    const location = joana.tap('svc:iluminacao-publica');
    expect(location.replies[0]).toMatchObject({ kind: 'location_request' });
    expect(bodies(joana.send({ type: 'location', latitude: -10.1844, longitude: -48.3336 }).replies)).toContain('Conte em poucas palavras');
    expect(bodies(joana.text('apagado').replies)).toContain('Pode contar um pouco mais');
    const photo = joana.text('poste apagado há 3 dias na alameda 5');
    expect(optionIds(photo.replies[0])).toEqual(['skip']);
    const stored = joana.send({ type: 'media', kind: 'image', mediaId: 'm1', mimeType: 'image/jpeg' });
    expect(stored.effects).toEqual([{ kind: 'store_media', mediaId: 'm1', mimeType: 'image/jpeg' }]);
    joana.tap('photos:done');
    const summary = joana.tap('skip');
    expect(bodies(summary.replies)).toMatch(/Confira o pedido[\s\S]*Troca de lâmpada[\s\S]*poste apagado há 3 dias[\s\S]*Fotos: 1/);
    const opened = joana.tap('req:confirm');
    expect(opened.effects).toEqual([
      { kind: 'open_request', serviceCode: 'iluminacao-publica', location: expect.objectContaining({ latitude: -10.1844 }), description: 'poste apagado há 3 dias na alameda 5', mediaIds: ['m1'] },
    ]);
  });

  it('resolves a typed address against the city list', () => {
    const bia = citizen({ consent: 'accepted' });
    bia.tap('svc:tapa-buraco');
    bia.text('na 305 sul perto da escola');
    expect(bia.state().step).toMatchObject({ name: 'requestField', draft: { location: { placeId: expect.any(String) } } });
  });

  it('offers a numbered menu that also works by typing the number or the word', () => {
    const leo = citizen({ consent: 'accepted' });
    const menu = leo.text('menu');
    expect(menu.replies[0]).toMatchObject({ kind: 'list' });
    const ids = optionIds(menu.replies[0]);
    expect(ids.length).toBeLessThanOrEqual(10);
    expect(ids).toContain('act:protocol');
    const protocolIndex = ids.indexOf('act:protocol') + 1;
    expect(bodies(leo.text(String(protocolIndex)).replies)).toContain('número do protocolo');
  });

  it('answers guidance services from the profile and offers the menu again', () => {
    const leo = citizen({ consent: 'accepted' });
    const { replies } = leo.tap('svc:saude-orientacao');
    expect(replies.length).toBeGreaterThan(1);
    expect(replies.at(-1)).toMatchObject({ kind: 'list' });
  });

  it('offers to switch when free text mid-request asks for another service, and loses nothing if the citizen stays', () => {
    const bia = citizen({ consent: 'accepted' });
    bia.tap('svc:tapa-buraco');
    bia.text('305 sul, alameda 2');
    const asked = bia.text('na verdade quero pedir poda de árvore', { serviceCode: 'retirada-galhada', intent: null, confidence: 0.95 });
    expect(bodies(asked.replies)).toMatch(/Tapa-buraco[\s\S]*Poda|galh/i);
    expect(optionIds(asked.replies[0])).toEqual(['switch:yes', 'switch:no']);
    const stayed = bia.tap('switch:no');
    expect(bia.state().step).toMatchObject({ name: 'requestField', draft: { serviceCode: 'tapa-buraco', description: 'na verdade quero pedir poda de árvore' } });
    expect(stayed.replies).toHaveLength(1);
    const bruno = citizen({ consent: 'accepted' });
    bruno.tap('svc:tapa-buraco');
    bruno.text('na verdade quero pedir poda de árvore', { serviceCode: 'retirada-galhada', intent: null, confidence: 0.95 });
    bruno.tap('switch:yes');
    expect(bruno.state().step).toMatchObject({ name: 'requestField', draft: { serviceCode: 'retirada-galhada', fieldIndex: 0 } });
  });

  it('takes a description that merely mentions another service as the answer', () => {
    const bia = citizen({ consent: 'accepted' });
    bia.tap('svc:tapa-buraco');
    bia.text('305 sul, alameda 2');
    bia.text('buraco grande perto do poste da esquina', { serviceCode: 'iluminacao-publica', intent: null, confidence: 0.89 });
    expect(bia.state().step).toMatchObject({ name: 'requestField', draft: { description: 'buraco grande perto do poste da esquina' } });
  });

  it('answers "não sei" at a required field with a way forward, not a dead end', () => {
    const bia = citizen({ consent: 'accepted' });
    bia.tap('svc:tapa-buraco');
    expect(bodies(bia.text('não sei').replies)).toContain('ponto de referência');
    bia.text('305 sul, alameda 2');
    expect(bodies(bia.text('não sei').replies)).toContain('cancelar');
    expect(bia.state().step).toMatchObject({ name: 'requestField', draft: { fieldIndex: 1 } });
  });

  it('switches subject mid-flow and cancels with "cancelar"', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.tap('svc:tapa-buraco');
    const cancelled = leo.text('cancelar');
    expect(bodies(cancelled.replies)).toContain('cancelei');
    expect(leo.state().step).toEqual({ name: 'menu' });
  });

  it('looks up a protocol typed anywhere', () => {
    const leo = citizen({ consent: 'accepted' });
    expect(leo.text('qual a situação do protocolo 2026-000123?').effects).toEqual([{ kind: 'lookup_protocol', protocol: '2026-000123' }]);
  });
});

describe('people, hours and the words that work everywhere', () => {
  it('queues for a person during office hours', () => {
    const leo = citizen({ consent: 'accepted' });
    const { replies, effects } = leo.text('quero falar com um atendente');
    expect(bodies(replies)).toContain('equipe de atendimento');
    expect(kinds(effects)).toEqual(['handoff']);
  });

  it('outside office hours says when people answer, computed from the calendar', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.at(SATURDAY);
    const { replies } = leo.text('atendente');
    expect(bodies(replies)).toContain('segunda-feira, às 13h30');
  });

  it('gives the emergency lines first when a message sounds urgent', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.at(SATURDAY);
    leo.text('atendente');
    const { replies, effects } = leo.text('tem um fio solto soltando faísca na rua');
    expect(replies[0]?.body).toContain('193');
    expect(effects).toEqual([{ kind: 'handoff', message: 'tem um fio solto soltando faísca na rua', urgent: true, attendanceOpen: false, serviceCode: undefined }]);
  });

  it('keeps attendance closed on a day a coordinator closed, and says when it reopens', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.closeOn({ date: '2026-12-01', reason: 'Recesso' });
    const { replies, effects } = leo.text('atendente');
    expect(bodies(replies)).toContain('amanhã, às 13h30');
    expect(effects[0]).toMatchObject({ kind: 'handoff', attendanceOpen: false });
  });

  it('asking for a person in the middle of a request queues for that service\'s department', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.tap('svc:tapa-buraco');
    expect(leo.text('atendente').effects[0]).toMatchObject({ kind: 'handoff', serviceCode: 'tapa-buraco', attendanceOpen: true });
    expect(leo.text('é um buraco enorme').effects[0]).toMatchObject({ kind: 'handoff', serviceCode: 'tapa-buraco' });
  });

  it('understands "was it solved?" and rating taps on a notice, whatever the conversation is doing', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.tap('svc:tapa-buraco');
    const before = leo.state().step;
    expect(leo.tap('fb:no:2026-000042').effects).toEqual([{ kind: 'request_verdict', protocol: '2026-000042', solved: false }]);
    expect(leo.tap('rate:2026-000042:4').effects).toEqual([{ kind: 'rate_request', protocol: '2026-000042', rating: 4 }]);
    expect(leo.state().step).toEqual(before);
    expect(leo.tap('rate:2026-000042:9').effects).toEqual([]);
  });

  it('stays quiet while a person attends, only passing the messages on', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.text('atendente');
    leo.view.handoff = 'taken';
    const { replies, effects } = leo.text('a rua 5 está sem luz');
    expect(replies).toEqual([]);
    expect(effects).toMatchObject([{ kind: 'handoff', message: 'a rua 5 está sem luz' }]);
  });

  it('leaves the broadcast list only after confirming', () => {
    const leo = citizen({ consent: 'accepted' });
    expect(leo.text('SAIR').effects).toEqual([]);
    expect(leo.tap('optout:yes').effects).toEqual([{ kind: 'set_opt_in', optedIn: false, wording: expect.stringContaining('Confirma?') }]);
  });

  it('lets a citizen choose topics with AVISOS, marks what they receive, and leave one or all', () => {
    const ana = citizen({ consent: 'accepted' });
    const list = ana.text('Avisos');
    expect(list.replies[0]).toMatchObject({ kind: 'list' });
    expect(optionIds(list.replies[0])).toEqual(['topics:all', 'topic:saude', 'topic:obras-transito', 'topic:eventos', 'topic:defesa-civil', 'topics:none']);
    const health = ana.tap('topic:saude');
    expect(health.effects).toEqual([{ kind: 'set_topics', subscribe: ['saude'], unsubscribe: [], wording: expect.stringContaining('avisos de *Saúde*') }]);
    ana.view.optedIn = true;
    const again = ana.text('avisos');
    expect(again.replies[0]).toMatchObject({ body: expect.stringContaining('Hoje você recebe: Saúde.') });
    expect((again.replies[0] as { options: Array<{ title: string }> }).options[1]?.title).toBe('✓ Saúde');
    expect(ana.text('saude').effects).toEqual([{ kind: 'set_topics', subscribe: [], unsubscribe: ['saude'], wording: expect.stringContaining('não vai mais receber avisos de *Saúde*') }]);
    ana.text('avisos');
    expect(ana.tap('topics:none').replies[0]).toMatchObject({ body: expect.stringContaining('Confirma?') });
  });

  it('understands topics asked in free text, with typos and accents, both ways, and says what they receive', () => {
    const bia = citizen({ consent: 'accepted' });
    expect(bia.text('quero receber avisos de vacinaçao').effects).toMatchObject([{ kind: 'set_topics', subscribe: ['saude'] }]);
    bia.view.optedIn = true;
    expect(bia.text('alertas de chuva').effects).toMatchObject([{ kind: 'set_topics', subscribe: ['defesa-civil'] }]);
    expect(bodies(bia.text('meus avisos').replies)).toContain('Saúde e Chuvas e Defesa Civil');
    expect(bia.text('não quero mais avisos de chuva').effects).toMatchObject([{ kind: 'set_topics', subscribe: [], unsubscribe: ['defesa-civil'] }]);
    expect(bodies(bia.text('nao quero avisos de eventos').replies)).toContain('Você não recebe avisos de *Eventos*');
    // A request that mentions a topic word is still a request.
    expect(bia.text('tem um buraco na rua de obras').effects.some((e) => e.kind === 'set_topics')).toBe(false);
  });

  it('tells what we keep and takes a deletion request', () => {
    const leo = citizen({ consent: 'accepted' });
    expect(leo.text('meus dados').effects).toEqual([{ kind: 'describe_data' }]);
    leo.text('apagar meus dados');
    expect(leo.tap('delete:yes').effects).toEqual([{ kind: 'request_deletion' }]);
  });

  it('after 30 minutes of silence offers to continue where it stopped', () => {
    const leo = citizen({ consent: 'accepted' });
    leo.tap('svc:tapa-buraco');
    leo.wait(IDLE_MS + 1);
    const back = leo.text('oi');
    expect(optionIds(back.replies[0])).toEqual(['resume:yes', 'resume:no']);
    expect(leo.tap('resume:yes').replies[0]).toMatchObject({ kind: 'location_request' });
  });

  it('handles audio, stickers, contacts, reactions and emoji-only messages gracefully', () => {
    const leo = citizen({ consent: 'accepted' });
    expect(bodies(leo.send({ type: 'media', kind: 'audio', mediaId: 'a', mimeType: 'audio/ogg', voice: true }).replies)).toContain('ouvir áudios');
    expect(leo.send({ type: 'media', kind: 'sticker', mediaId: 's', mimeType: 'image/webp' }).replies).toHaveLength(1);
    expect(leo.send({ type: 'contacts', names: ['Maria'] }).replies).toHaveLength(1);
    expect(leo.send({ type: 'reaction', messageId: 'x', emoji: '👍' }).replies).toEqual([]);
    expect(bodies(leo.text('👍👍').replies)).toContain('menu');
  });
});
