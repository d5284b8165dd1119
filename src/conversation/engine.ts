import type { EngineContext, Outcome, Turn } from './context.js';
import { accountStep, confirmDeletion, confirmOptOut, describeData } from './flows/account.flow.js';
import { chooseTopics, describeTopics, topicsStep } from './flows/topics.flow.js';
import { cartaStep } from './flows/carta.flow.js';
import { feedbackStep } from './flows/feedback.flow.js';
import { handoffStep, startHandoff } from './flows/handoff.flow.js';
import { askConsent, registrationStep } from './flows/registration.flow.js';
import { askNextField, requestStep } from './flows/request.flow.js';
import { switchStep } from './flows/switch.flow.js';
import { askProtocol, findProtocol, servicesStep, understandFreeText } from './flows/services.flow.js';
import { menuReply } from './menu.js';
import { goTo, stay } from './outcome.js';
import type { ConversationState, Step } from './state.js';
import { detectCommand, type Command } from './words.js';

export { initialState, readState, type ConversationState } from './state.js';
export type { CitizenView, EngineContext, Outcome, Turn, Understanding } from './context.js';

/** After this long without a message, the next one starts fresh, offering to continue where it stopped. */
export const IDLE_MS = 30 * 60 * 1000;

/** Steps that wait for an answer: after a long silence the citizen is offered to continue them. */
export const MID_FLOW: ReadonlySet<Step['name']> = new Set(['requestField', 'requestConfirm', 'confirmSwitch', 'confirmService', 'askProtocol', 'askName', 'askPlace', 'confirmPlace', 'askOptIn']);

/** Messages that are not part of a dialogue get a short, friendly answer and leave the state as it was. */
const nonConversational = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  const { content } = turn;
  const photoAsked = state.step.name === 'requestField';
  switch (content.type) {
    case 'reaction':
    case 'system':
      return stay(state, []);
    case 'unsupported':
      return stay(state, [{ kind: 'text', body: ctx.t('unsupported') }]);
    case 'contacts':
      return stay(state, [{ kind: 'text', body: ctx.t('common.contacts') }]);
    case 'media':
      if (content.kind === 'audio') return stay(state, [{ kind: 'text', body: ctx.t('common.audio') }]);
      if (content.kind === 'sticker') return stay(state, [{ kind: 'text', body: ctx.t('common.sticker') }]);
      if (content.kind === 'image' && photoAsked) return undefined;
      return stay(state, [{ kind: 'text', body: ctx.t(content.kind === 'image' ? 'media.received' : 'common.document') }], [
        { kind: 'store_media', mediaId: content.mediaId, mimeType: content.mimeType },
      ]);
    default:
      return undefined;
  }
};

const commandOf = (turn: Turn): Command | undefined => {
  const { content } = turn;
  if (content.type === 'reply' && content.id.startsWith('cmd:')) return content.id.slice(4) as Command;
  return content.type === 'text' ? detectCommand(content.body) : undefined;
};

const runCommand = (state: ConversationState, turn: Turn, ctx: EngineContext, command: Command): Outcome | undefined => {
  switch (command) {
    case 'menu':
      return goTo(state, { name: 'menu' }, [menuReply(ctx)]);
    case 'cancel':
      return goTo(state, { name: 'menu' }, [menuReply(ctx, ctx.t('common.cancelled'))]);
    case 'back': {
      const { step } = state;
      if (step.name === 'requestField' && step.draft.fieldIndex > 0) return askNextField(state, ctx, { ...step.draft, fieldIndex: step.draft.fieldIndex - 1 });
      if (step.name === 'requestConfirm') return askNextField(state, ctx, { ...step.draft, fieldIndex: Math.max(0, step.draft.fieldIndex - 1) });
      if (step.name === 'confirmSwitch') return askNextField(state, ctx, step.draft);
      return goTo(state, { name: 'menu' }, [menuReply(ctx)]);
    }
    case 'optOut':
      return confirmOptOut(state, ctx);
    case 'optIn':
      return chooseTopics(state, turn, ctx);
    case 'myTopics':
      return describeTopics(state, turn, ctx);
    case 'myData':
      return describeData(state);
    case 'deleteData':
      return confirmDeletion(state, ctx);
    case 'human':
      return startHandoff(state, turn, ctx);
    case 'protocol':
      return askProtocol(state, ctx);
    case 'skip':
      return undefined;
  }
};

const offerResume = (state: ConversationState, ctx: EngineContext): Outcome =>
  goTo(state, { name: 'resumeOffer', previous: state.step }, [
    {
      kind: 'buttons',
      body: ctx.t('common.idleResume', { topic: ctx.t(`topic.${state.step.name}`) }),
      options: [
        { id: 'resume:yes', title: ctx.t('common.continue') },
        { id: 'resume:no', title: ctx.t('common.startOver') },
      ],
    },
  ]);

const resume = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  if (state.step.name !== 'resumeOffer') return undefined;
  const previous = state.step.previous;
  const answer = turn.content.type === 'reply' ? turn.content.id : '';
  if (answer === 'resume:yes' && (previous.name === 'requestField' || previous.name === 'requestConfirm' || previous.name === 'confirmSwitch')) return askNextField(state, ctx, previous.draft);
  if (answer === 'resume:yes') return goTo(state, previous, [menuReply(ctx)]);
  return goTo(state, { name: 'menu' }, [menuReply(ctx)]);
};

/** The first message, whatever it says, brings the privacy notice; what it asked is answered afterwards. */
const firstContact = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  if (turn.citizen.consent !== undefined || state.step.name !== 'start') return undefined;
  const text = turn.content.type === 'text' ? turn.content.body : undefined;
  const carta = turn.understanding?.carta;
  const cartaEntryId = carta?.kind === 'entry' && carta.id ? carta.id : undefined;
  const asks = text && (turn.understanding?.serviceCode || findProtocol(text) || cartaEntryId);
  return askConsent(state, ctx, asks && text ? { text, serviceCode: turn.understanding?.serviceCode ?? null, ...(cartaEntryId ? { cartaEntryId } : {}) } : undefined);
};

const answerPending = (turn: Turn, ctx: EngineContext) => (state: ConversationState): Outcome => {
  const pending = state.pending;
  const { pending: _answered, ...rest } = state;
  if (!pending) return goTo(rest, { name: 'menu' }, [menuReply(ctx)]);
  const carta = pending.cartaEntryId ? { kind: 'entry' as const, id: pending.cartaEntryId, score: 0 } : undefined;
  return understandFreeText(rest, { ...turn, understanding: { serviceCode: pending.serviceCode, intent: null, confidence: 1, carta } }, ctx, pending.text);
};

const route = (state: ConversationState, turn: Turn, ctx: EngineContext, idleSince: number | undefined): Outcome => {
  const first = firstContact(state, turn, ctx);
  if (first) return first;
  const other = nonConversational(state, turn, ctx) ?? feedbackStep(state, turn);
  if (other) return other;
  const command = commandOf(turn);
  if (idleSince !== undefined && turn.at - idleSince > IDLE_MS && MID_FLOW.has(state.step.name) && command === undefined) return offerResume(state, ctx);
  const commanded = command ? runCommand(state, turn, ctx, command) : undefined;
  if (commanded) return commanded;
  return (
    resume(state, turn, ctx) ??
    registrationStep(state, turn, ctx, answerPending(turn, ctx)) ??
    switchStep(state, turn, ctx) ??
    requestStep(state, turn, ctx) ??
    accountStep(state, turn, ctx) ??
    topicsStep(state, turn, ctx) ??
    handoffStep(state, turn, ctx) ??
    cartaStep(state, turn, ctx) ??
    servicesStep(state, turn, ctx) ??
    goTo(state, { name: 'menu' }, [menuReply(ctx)])
  );
};

/**
 * The conversation as a pure function: state + what the citizen sent → new state, replies and effects.
 * Nothing here touches the network, the database or the clock (the turn carries its time).
 */
export const converse = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome => {
  const outcome = route(state, turn, ctx, state.lastActivityAt);
  return { ...outcome, state: { ...outcome.state, lastActivityAt: turn.at } };
};
