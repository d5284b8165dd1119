import { isInsideCity, matchPlace, placeLabel, type Place } from '../../domain/places/index.js';
import { allTopicsEffects, topicNames } from './topics.flow.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { menuReply } from '../menu.js';
import { goTo } from '../outcome.js';
import type { Reply } from '../reply.js';
import type { ConversationState } from '../state.js';
import { detectCommand, isEmojiOnly, isNo, isYes, plain } from '../words.js';

/** First contact: the privacy notice and consent, then optional name, place and broadcast opt-in. */
export const askConsent = (state: ConversationState, ctx: EngineContext, pending?: ConversationState['pending']): Outcome => ({
  state: { ...state, step: { name: 'consent' }, ...(pending ? { pending } : {}) },
  replies: [
    {
      kind: 'buttons',
      body: ctx.t('consent.ask', { privacyUrl: ctx.city.privacyPolicyUrl }),
      options: [
        { id: 'consent:yes', title: ctx.t('consent.accept') },
        { id: 'consent:no', title: ctx.t('consent.decline') },
      ],
    },
  ],
  effects: [],
});

const askName = (state: ConversationState, ctx: EngineContext): Outcome => goTo(state, { name: 'askName' }, [{ kind: 'text', body: ctx.t('registration.askName') }]);

const askPlace = (state: ConversationState, ctx: EngineContext, name: string | undefined): Outcome =>
  goTo(state, { name: 'askPlace' }, [{ kind: 'text', body: name ? ctx.t('registration.askPlace', { name }) : ctx.t('registration.askPlaceAnonymous') }]);

const askOptIn = (state: ConversationState, ctx: EngineContext): Outcome =>
  goTo(state, { name: 'askOptIn' }, [
    {
      kind: 'buttons',
      body: ctx.t('registration.askOptIn'),
      options: [
        { id: 'optin:yes', title: ctx.t('registration.optInYes') },
        { id: 'optin:no', title: ctx.t('registration.optInNo') },
      ],
    },
  ]);

/** Registration ended (done or skipped): greet by name and show the menu, or answer the message kept from the start. */
/** `note`: said before the rest (which topics they will receive). */
export const finishRegistration = (
  state: ConversationState,
  ctx: EngineContext,
  name: string | undefined,
  effects: Outcome['effects'],
  answerPending: (s: ConversationState) => Outcome,
  note?: string,
): Outcome => {
  const done: Reply = { kind: 'text', body: name ? ctx.t('registration.done', { name }) : ctx.t('registration.doneAnonymous') };
  const before: Reply[] = note ? [{ kind: 'text', body: note }] : [];
  const base: ConversationState = { ...state, step: { name: 'menu' } };
  if (state.pending) {
    const next = answerPending(base);
    return { state: next.state, replies: [...before, done, ...next.replies], effects: [...effects, ...next.effects] };
  }
  return { state: base, replies: [...before, menuReply(ctx, done.kind === 'text' ? done.body : ctx.t('menu.body'))], effects };
};

/** A plausible name given as an answer (letters, 2–40 characters, at most four words, not a command or a yes/no), capitalised; storage applies its own limits (citizens/cleanName). */
export const nameFromAnswer = (text: string): string | undefined => {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 40 || isEmojiOnly(name) || !/^[\p{L}' .-]+$/u.test(name)) return undefined;
  if (name.split(' ').length > 4 || isYes(name) || isNo(name) || detectCommand(name)) return undefined;
  return name.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
};

const confirmPlace = (state: ConversationState, ctx: EngineContext, place: Place): Outcome =>
  goTo(state, { name: 'confirmPlace', placeId: place.id }, [
    {
      kind: 'buttons',
      body: ctx.t('registration.confirmPlace', { place: placeLabel(place) }),
      options: [
        { id: 'place:yes', title: ctx.t('registration.placeYes') },
        { id: 'place:no', title: ctx.t('registration.placeNo') },
      ],
    },
  ]);

export const registrationStep = (state: ConversationState, turn: Turn, ctx: EngineContext, answerPending: (s: ConversationState) => Outcome): Outcome | undefined => {
  const { step } = state;
  const { content } = turn;
  const answer = content.type === 'text' ? content.body : content.type === 'reply' ? content.id : undefined;
  const skipped = answer !== undefined && (answer === 'skip' || detectCommand(answer) === 'skip');
  switch (step.name) {
    case 'consent': {
      if (answer === 'consent:yes' || (answer && isYes(answer))) return { ...askName(state, ctx), effects: [{ kind: 'record_consent', accepted: true }] };
      if (answer === 'consent:no' || (answer && isNo(answer)))
        return finishRegistration(state, ctx, undefined, [{ kind: 'record_consent', accepted: false }], answerPending);
      return askConsent(state, ctx);
    }
    case 'askName': {
      if (skipped) return askPlace(state, ctx, undefined);
      const name = content.type === 'text' ? nameFromAnswer(content.body) : undefined;
      if (!name) return goTo(state, step, [{ kind: 'text', body: ctx.t('registration.badName') }]);
      return { ...askPlace(state, ctx, name), effects: [{ kind: 'save_registration', name }] };
    }
    case 'askPlace': {
      if (skipped) return askOptIn(state, ctx);
      if (content.type === 'location') {
        if (!isInsideCity(content.latitude, content.longitude, ctx.city.places.boundary))
          return goTo(state, step, [{ kind: 'text', body: ctx.t('registration.placeOutside') }]);
        const place = { text: content.address ?? content.name ?? `${content.latitude}, ${content.longitude}`, latitude: content.latitude, longitude: content.longitude };
        return { ...askOptIn(state, ctx), effects: [{ kind: 'save_registration', place }] };
      }
      if (content.type !== 'text') return goTo(state, step, [{ kind: 'text', body: ctx.t('registration.placeNotFound') }]);
      const match = matchPlace(content.body, ctx.city.places);
      if (match.status === 'outside') return goTo(state, step, [{ kind: 'text', body: ctx.t('registration.placeOutside') }]);
      if (!match.best || match.status === 'none') return goTo(state, step, [{ kind: 'text', body: ctx.t('registration.placeNotFound') }]);
      return confirmPlace(state, ctx, match.best.place);
    }
    case 'confirmPlace': {
      if (answer === 'place:yes' || (answer && isYes(answer))) {
        const place = ctx.city.places.places.find((p) => p.id === step.placeId);
        const effects = place ? [{ kind: 'save_registration' as const, place: { placeId: place.id, text: placeLabel(place) } }] : [];
        return { ...askOptIn(state, ctx), effects };
      }
      if (answer === 'place:no' || (answer && isNo(answer))) return askPlace(state, ctx, turn.citizen.name);
      // Typing another place instead of tapping is a correction.
      if (content.type === 'text' && plain(content.body).length > 1) return registrationStep({ ...state, step: { name: 'askPlace' } }, turn, ctx, answerPending);
      const asked = ctx.city.places.places.find((p) => p.id === step.placeId);
      return asked ? confirmPlace(state, ctx, asked) : askPlace(state, ctx, turn.citizen.name);
    }
    case 'askOptIn': {
      const yes = answer === 'optin:yes' || (answer !== undefined && isYes(answer));
      const no = answer === 'optin:no' || (answer !== undefined && (isNo(answer) || skipped));
      if (!yes && !no) return askOptIn(state, ctx);
      const wording = ctx.t('registration.askOptIn');
      if (!yes) return finishRegistration(state, ctx, turn.citizen.name, [{ kind: 'set_opt_in', optedIn: false, wording }], answerPending);
      const topics = ctx.city.broadcastTopics.map((t) => t.id);
      const note = topics.length > 0 ? ctx.t('registration.topicsAll', { topics: topicNames(ctx, topics) }) : undefined;
      return finishRegistration(state, ctx, turn.citizen.name, allTopicsEffects(ctx, wording), answerPending, note);
    }
    default:
      return undefined;
  }
};
