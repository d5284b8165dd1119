import { findService } from '../../domain/catalog/index.js';
import { parseProtocol } from '../../domain/requests/protocol.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { groupOptions, groupReply, HUMAN_OPTION, mainMenuOptions, menuReply, PROTOCOL_OPTION } from '../menu.js';
import { answerOf, goTo } from '../outcome.js';
import type { Reply } from '../reply.js';
import type { ConversationState } from '../state.js';
import { isEmojiOnly, isNo, isThanks, isYes, pickOption } from '../words.js';
import { answerFromCarta, looksLikeAsk, noCartaAnswer } from './carta.flow.js';
import { startHandoff } from './handoff.flow.js';
import { startRequest } from './request.flow.js';

/**
 * In free text only the full form counts ("2026-000123", "2026 000123", "2026000123"), so a date like 28/11/2026
 * is not read as a protocol; when the bot asked for a protocol, looser forms are accepted (`parseProtocol`).
 */
export const findProtocol = (text: string): string | undefined => {
  const match = /\b(20\d{2})[\s./-]?(\d{6})\b/.exec(text);
  return match ? `${match[1]}-${match[2]}` : undefined;
};

export const askProtocol = (state: ConversationState, ctx: EngineContext): Outcome => goTo(state, { name: 'askProtocol' }, [{ kind: 'text', body: ctx.t('protocol.ask') }]);

/** Information services answer from the profile; request services start the intake. */
export const chooseService = (state: ConversationState, ctx: EngineContext, serviceCode: string): Outcome => {
  const service = findService(ctx.city.catalog, serviceCode);
  if (!service) return goTo(state, { name: 'menu' }, [menuReply(ctx)]);
  if (service.kind === 'request') return startRequest(state, ctx, serviceCode);
  const guidance: Reply[] = service.guidance.map((body) => ({ kind: 'text', body }));
  return goTo(state, { name: 'menu' }, [...guidance, menuReply(ctx)]);
};

/** A tapped (or typed) option of the main menu or of a group's submenu. */
const chooseOption = (state: ConversationState, turn: Turn, ctx: EngineContext, id: string): Outcome => {
  if (id.startsWith('svc:')) return chooseService(state, ctx, id.slice(4));
  if (id.startsWith('grp:')) return goTo(state, { name: 'menu', groupId: id.slice(4) }, [groupReply(ctx, id.slice(4))]);
  if (id === PROTOCOL_OPTION) return askProtocol(state, ctx);
  if (id === HUMAN_OPTION) return startHandoff(state, turn, ctx);
  return goTo(state, { name: 'menu' }, [menuReply(ctx)]);
};

const confirmService = (state: ConversationState, ctx: EngineContext, serviceCode: string): Outcome => {
  const service = findService(ctx.city.catalog, serviceCode);
  if (!service) return goTo(state, { name: 'menu' }, [menuReply(ctx)]);
  return goTo(state, { name: 'confirmService', serviceCode }, [
    {
      kind: 'buttons',
      body: ctx.t('understood.confirm', { service: service.menuTitle }),
      options: [
        { id: `svc:${serviceCode}`, title: ctx.t('understood.yes') },
        { id: 'understood:no', title: ctx.t('understood.no') },
      ],
    },
  ]);
};

/**
 * Free text anywhere outside a question: a protocol number, a question the Carta de Serviços answers, a service in
 * the citizen's words, thanks, a question nobody answered yet (kept for the team), or the menu.
 */
export const understandFreeText = (state: ConversationState, turn: Turn, ctx: EngineContext, text: string): Outcome => {
  const protocol = findProtocol(text);
  if (protocol) return goTo(state, { name: 'menu' }, [], [{ kind: 'lookup_protocol', protocol }]);
  const carta = turn.understanding?.carta;
  const answered = carta?.kind === 'entry' && carta.id ? answerFromCarta(state, ctx, carta.id, text) : undefined;
  if (answered) return answered;
  const serviceCode = turn.understanding?.serviceCode;
  if (serviceCode) return confirmService(state, ctx, serviceCode);
  if (isThanks(text) || turn.understanding?.intent === 'thanks') return goTo(state, { name: 'menu' }, [{ kind: 'text', body: ctx.t('common.thanks') }]);
  if (isEmojiOnly(text)) return goTo(state, { name: 'menu' }, [{ kind: 'text', body: ctx.t('common.emojiOnly') }]);
  const greeting = turn.understanding?.intent === 'greeting';
  if (!greeting && ctx.city.carta.entries.length > 0 && looksLikeAsk(text)) return noCartaAnswer(state, ctx, text);
  const name = turn.citizen.name;
  const body = greeting ? (name ? ctx.t('greeting.named', { name }) : ctx.t('greeting')) + '\n' + ctx.t('menu.body') : ctx.t('menu.notUnderstood');
  return goTo(state, { name: 'menu' }, [menuReply(ctx, body)]);
};

export const servicesStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  const { step } = state;
  const { content } = turn;
  if (step.name === 'askProtocol' && content.type === 'text') {
    const protocol = parseProtocol(content.body);
    if (protocol) return goTo(state, { name: 'menu' }, [], [{ kind: 'lookup_protocol', protocol }]);
    return goTo(state, step, [{ kind: 'text', body: ctx.t('protocol.notFound') }]);
  }
  if (step.name === 'confirmService') {
    const answer = answerOf(content) ?? '';
    if (answer === `svc:${step.serviceCode}` || isYes(answer)) return chooseService(state, ctx, step.serviceCode);
    if (answer === 'understood:no' || isNo(answer)) return goTo(state, { name: 'menu' }, [menuReply(ctx)]);
  }
  if (content.type === 'reply') return chooseOption(state, turn, ctx, content.id);
  if (content.type !== 'text') return undefined;
  // A number or an option's title typed instead of tapped ("1", "um", "saúde").
  const options = step.name === 'menu' && step.groupId ? groupOptions(ctx, step.groupId) : mainMenuOptions(ctx);
  const picked = step.name === 'menu' ? pickOption(content.body, options) : undefined;
  if (picked) return chooseOption(state, turn, ctx, picked.id);
  return understandFreeText(state, turn, ctx, content.body);
};
