import type { ConversationState, Understanding } from '../../conversation/engine.js';
import type { InboundContent } from '../../conversation/input.js';
import type { Step } from '../../conversation/state.js';

const serviceOfStep = (step: Step): string | undefined => {
  if (step.name === 'requestField' || step.name === 'requestConfirm') return step.draft.serviceCode;
  if (step.name === 'confirmSwitch' || step.name === 'confirmService') return step.serviceCode;
  if (step.name === 'handoff') return step.serviceCode;
  return undefined;
};

const SERVICE_CHOICE = /^svc:(.+)$/;

/**
 * What a message was about, for "mensagens por assunto": the service the citizen picked, the one the conversation is
 * about after (or was about before) the message, or what the text seemed to ask; undefined for greetings, thanks,
 * the menu and the like.
 */
export const subjectOfMessage = (
  content: InboundContent,
  before: ConversationState,
  after: ConversationState,
  understanding: Understanding | undefined,
): string | undefined => {
  const chosen = content.type === 'reply' ? SERVICE_CHOICE.exec(content.id)?.[1] : undefined;
  return chosen ?? serviceOfStep(after.step) ?? serviceOfStep(before.step) ?? understanding?.serviceCode ?? undefined;
};
