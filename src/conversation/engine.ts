import type { Translate } from '../platform/i18n.js';
import type { InboundContent } from './input.js';
import type { Effect, Reply } from './reply.js';

export interface ConversationState {
  version: 1;
  greeted: boolean;
}

export interface Turn {
  content: InboundContent;
  profileName: string | undefined;
}

export interface Outcome {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
}

export const initialState = (): ConversationState => ({ version: 1, greeted: false });

const greeting = (t: Translate, profileName: string | undefined): Reply => ({
  kind: 'text',
  body: profileName ? t('greeting.named', { name: profileName }) : t('greeting'),
});

/**
 * The conversation as a pure function: state + what the citizen sent → new state, replies and effects.
 * Nothing here touches the network, the database or the clock.
 */
export const converse = (state: ConversationState, turn: Turn, t: Translate): Outcome => {
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
