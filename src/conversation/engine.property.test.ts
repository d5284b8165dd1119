import fc from 'fast-check';
import { describe, it } from 'vitest';
import { renderReply } from '../channels/whatsapp-cloud/render-reply.js';
import { findLimitViolation } from '../channels/simulator/check-limits.js';
import { sendMessageSchema } from '../channels/simulator/send-request.schema.js';
import { loadCityProfile } from '../config/city-profile.js';
import { createTranslator } from '../platform/i18n.js';
import { fromRoot } from '../platform/paths.js';
import type { CitizenView, EngineContext, Understanding } from './context.js';
import { converse, initialState, type ConversationState } from './engine.js';
import type { InboundContent } from './input.js';
import type { Effect, Reply } from './reply.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const ctx: EngineContext = { city, t: createTranslator(city.texts), alwaysOpen: false };
const services = city.catalog.services.map((s) => s.code);
// Tuesday 2026-12-01 15:00 in Palmas.
const START = Date.parse('2026-12-01T18:00:00Z');

/** Effects whose result the application answers with (a protocol, a history, a person's queue…). */
const ANSWERED_BY_EFFECT: ReadonlySet<Effect['kind']> = new Set(['open_request', 'lookup_protocol', 'handoff', 'request_verdict', 'rate_request', 'describe_data']);

const WORDS = ['oi', 'menu', 'sim', 'não', 'SAIR', 'AVISOS', 'atendente', 'meus dados', 'apagar meus dados', 'meus avisos', 'quero avisos de saúde', 'não quero avisos de eventos', 'poste apagado', 'buraco', '2026-000001',
  'protocolo 2026-000123', 'obrigado', 'arse 12', '106 sul', 'taquaralto', 'joana', '1', '2', '10', '99', '', '   ', '😀', 'ok', 'cancelar', 'voltar', 'x'.repeat(5000)];

/** What a citizen may send next: a tap on what the bot offered, a known word, any text, a pin, a photo, or a tap on an id that never existed. */
const nextInput = (offered: string[]) =>
  fc.oneof(
    ...(offered.length > 0 ? [fc.constantFrom(...offered).map((id): InboundContent => ({ type: 'reply', id, title: id, source: 'button' }))] : []),
    fc.constantFrom(...WORDS).map((body): InboundContent => ({ type: 'text', body })),
    fc.string({ maxLength: 300 }).map((body): InboundContent => ({ type: 'text', body })),
    fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) }).map((p): InboundContent => ({ type: 'location', ...p })),
    fc.constant<InboundContent>({ type: 'media', kind: 'image', mediaId: 'm1', mimeType: 'image/jpeg' }),
    fc.string({ maxLength: 40 }).map((id): InboundContent => ({ type: 'reply', id, title: id, source: 'list' })),
  );

const understanding = fc.option(
  fc.record({ serviceCode: fc.option(fc.constantFrom(...services), { nil: null }), intent: fc.constant(null), confidence: fc.double({ min: 0, max: 1, noNaN: true }) }),
  { nil: undefined },
) as fc.Arbitrary<Understanding | undefined>;

const offeredIds = (replies: readonly Reply[]): string[] => replies.flatMap((reply) => ('options' in reply ? reply.options.map((o) => o.id) : []));

/** Every message the bot would send passes Meta's own limits (the simulator's checks are Meta's rules). */
const limitProblem = (reply: Reply): string | undefined =>
  renderReply(reply)
    .map((message) => findLimitViolation(sendMessageSchema.parse({ messaging_product: 'whatsapp', to: '5563999999999', ...message })))
    .find(Boolean);

describe('the conversation under any input', () => {
  it('never throws, never stays silent, and never sends a message Meta would refuse, whatever the citizen sends in whatever state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), understanding), { minLength: 1, maxLength: 25 }), fc.boolean(), (plan, registered) => {
        let state: ConversationState = initialState();
        const view: CitizenView = registered ? { name: 'Joana', consent: 'accepted', optedIn: true, topics: ['saude'] } : { name: undefined, consent: undefined, optedIn: false, topics: [] };
        let offered: string[] = [];
        let at = START;
        for (const [pick, seed, understood] of plan) {
          // What a citizen can tap depends on what the bot just offered, so each input is drawn here, from a seed the
          // plan carries: a failing plan replays exactly.
          const content = fc.sample(nextInput(offered), { numRuns: 1, seed: seed + pick })[0] as InboundContent;
          const outcome = converse(state, { content, at, profileName: 'Joana', citizen: { ...view }, understanding: understood, closures: [] }, ctx);
          const answered = outcome.replies.length > 0 || outcome.effects.some((effect) => ANSWERED_BY_EFFECT.has(effect.kind));
          if (!answered) throw new Error(`no answer to ${JSON.stringify(content)} in step ${state.step.name}`);
          for (const reply of outcome.replies) {
            const problem = limitProblem(reply);
            if (problem) throw new Error(`${problem} in ${JSON.stringify(reply)}`);
          }
          for (const effect of outcome.effects) {
            if (effect.kind === 'record_consent') view.consent = effect.accepted ? 'accepted' : 'declined';
            if (effect.kind === 'set_opt_in') view.optedIn = effect.optedIn;
            if (effect.kind === 'set_topics') view.topics = [...view.topics.filter((t) => !effect.unsubscribe.includes(t)), ...effect.subscribe];
          }
          state = outcome.state;
          offered = offeredIds(outcome.replies);
          at += 60_000;
        }
      }),
      { numRuns: 300 },
    );
  });
});
