import { findService } from '../../domain/catalog/index.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { answerOf, goTo } from '../outcome.js';
import type { ConversationState, RequestDraft } from '../state.js';
import { isNo, isYes, plain } from '../words.js';
import { answerField } from './request.flow.js';
import { chooseService } from './services.flow.js';

/**
 * Words that say "I am talking about something else now". A request's answers often name other things ("perto do
 * poste" in a pothole report, an address the classifier takes for a vacant lot), so a different service alone is
 * not enough: the citizen must also sound like they are changing the subject.
 */
const CHANGE_CUE = /\b(na verdade|esquece|esqueca|deixa (isso|pra la)|mudei de ideia|outra coisa|outro assunto|(quero|queria|preciso|gostaria de) (pedir|falar|saber|denunciar|reclamar|marcar|informar|solicitar|registrar))\b/;

const offer = (state: ConversationState, ctx: EngineContext, draft: RequestDraft, serviceCode: string, text: string): Outcome => {
  const current = findService(ctx.city.catalog, draft.serviceCode)?.menuTitle ?? draft.serviceCode;
  const next = findService(ctx.city.catalog, serviceCode)?.menuTitle ?? serviceCode;
  return goTo(state, { name: 'confirmSwitch', draft, serviceCode, text }, [
    {
      kind: 'buttons',
      body: ctx.t('switch.confirm', { current, next }),
      options: [
        { id: 'switch:yes', title: ctx.t('switch.yes') },
        { id: 'switch:no', title: ctx.t('switch.no') },
      ],
    },
  ]);
};

/** Free text in the middle of a request that asks for another service: offer to switch instead of taking it as the answer. */
const detectSwitch = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  const { step } = state;
  if ((step.name !== 'requestField' && step.name !== 'requestConfirm') || turn.content.type !== 'text') return undefined;
  const asked = turn.understanding?.serviceCode;
  if (!asked || asked === step.draft.serviceCode || !CHANGE_CUE.test(plain(turn.content.body))) return undefined;
  return offer(state, ctx, step.draft, asked, turn.content.body);
};

/** The answer to "leave this request and talk about that?": switch, or take the text as the answer it interrupted. */
const answerSwitch = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  const { step } = state;
  if (step.name !== 'confirmSwitch') return undefined;
  const answer = answerOf(turn.content) ?? '';
  if (answer === 'switch:yes' || isYes(answer)) return chooseService(state, ctx, step.serviceCode);
  if (answer === 'switch:no' || isNo(answer)) {
    const back: ConversationState = { ...state, step: { name: 'requestField', draft: step.draft } };
    return answerField(back, { ...turn, content: { type: 'text', body: step.text } }, ctx, step.draft);
  }
  return offer(state, ctx, step.draft, step.serviceCode, step.text);
};

export const switchStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined =>
  answerSwitch(state, turn, ctx) ?? detectSwitch(state, turn, ctx);
