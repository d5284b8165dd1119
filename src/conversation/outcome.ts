import type { Outcome } from './context.js';
import type { Effect, Reply } from './reply.js';
import type { ConversationState, Step } from './state.js';

/** Builds an outcome that moves to `step`, keeping the rest of the state. */
export const goTo = (state: ConversationState, step: Step, replies: Reply[], effects: Effect[] = []): Outcome => ({
  state: { ...state, step },
  replies,
  effects,
});

export const stay = (state: ConversationState, replies: Reply[], effects: Effect[] = []): Outcome => ({ state, replies, effects });

/** Text of the message when it is text or a tapped option (its id), else undefined. */
export const answerOf = (content: { type: string; body?: string; id?: string }): string | undefined =>
  content.type === 'text' ? content.body : content.type === 'reply' ? content.id : undefined;
