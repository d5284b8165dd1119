import type { Translate } from '../platform/i18n.js';
import type { InboundContent } from './input.js';
import type { Effect, Reply } from './reply.js';

export interface GreetingState {
  version: 1;
  greeted: boolean;
}

export interface Turn {
  content: InboundContent;
  profileName: string | undefined;
}

export interface Outcome {
  state: GreetingState;
  replies: Reply[];
  effects: Effect[];
}

export const initialGreetingState = (): GreetingState => ({ version: 1, greeted: false });

const greeting = (t: Translate, profileName: string | undefined): Reply => ({
  kind: 'text',
  body: profileName ? t('greeting.named', { name: profileName }) : t('greeting'),
});

/**
 * The greeting bot that answers while the full engine (engine.ts) is being connected to the requests and
 * citizens storage: it greets, keeps photos and explains unsupported messages. Pure, like the engine.
 */
export const greet = (state: GreetingState, turn: Turn, t: Translate): Outcome => {
  const { content } = turn;
  switch (content.type) {
    case 'reaction':
    case 'system':
      return { state, replies: [], effects: [] };
    case 'media':
      return {
        state,
        replies: [{ kind: 'text', body: t('media.received') }],
        effects: [{ kind: 'store_media', mediaId: content.mediaId, mimeType: content.mimeType }],
      };
    case 'unsupported':
      return { state, replies: [{ kind: 'text', body: t('unsupported') }], effects: [] };
    default:
      return { state: { ...state, greeted: true }, replies: [greeting(t, turn.profileName)], effects: [] };
  }
};
