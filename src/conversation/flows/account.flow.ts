import type { EngineContext, Outcome, Turn } from '../context.js';
import { menuReply } from '../menu.js';
import { answerOf, goTo } from '../outcome.js';
import type { ConversationState } from '../state.js';
import { isNo, isYes } from '../words.js';

/** Leaving the broadcast list (confirmed), "meus dados" and "apagar meus dados". */
export const confirmOptOut = (state: ConversationState, ctx: EngineContext): Outcome =>
  goTo(state, { name: 'confirmOptOut' }, [
    { kind: 'buttons', body: ctx.t('optOut.confirm'), options: [{ id: 'optout:yes', title: ctx.t('optOut.yes') }, { id: 'optout:no', title: ctx.t('optOut.no') }] },
  ]);

export const describeData = (state: ConversationState): Outcome => goTo(state, { name: 'menu' }, [], [{ kind: 'describe_data' }]);

export const confirmDeletion = (state: ConversationState, ctx: EngineContext): Outcome =>
  goTo(state, { name: 'confirmDeletion' }, [
    { kind: 'buttons', body: ctx.t('data.deleteConfirm'), options: [{ id: 'delete:yes', title: ctx.t('data.deleteYes') }, { id: 'delete:no', title: ctx.t('data.deleteNo') }] },
  ]);

export const accountStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  const answer = answerOf(turn.content) ?? '';
  if (state.step.name === 'confirmOptOut') {
    if (answer === 'optout:yes' || isYes(answer)) return goTo(state, { name: 'menu' }, [{ kind: 'text', body: ctx.t('optOut.done') }], [{ kind: 'set_opt_in', optedIn: false, wording: ctx.t('optOut.confirm') }]);
    if (answer === 'optout:no' || isNo(answer)) return goTo(state, { name: 'menu' }, [{ kind: 'text', body: ctx.t('optOut.kept') }]);
    return confirmOptOut(state, ctx);
  }
  if (state.step.name === 'confirmDeletion') {
    if (answer === 'delete:yes' || isYes(answer)) return goTo(state, { name: 'menu' }, [{ kind: 'text', body: ctx.t('data.deleteRequested') }], [{ kind: 'request_deletion' }]);
    if (answer === 'delete:no' || isNo(answer)) return goTo(state, { name: 'menu' }, [menuReply(ctx, ctx.t('data.deleteCancelled'))]);
    return confirmDeletion(state, ctx);
  }
  return undefined;
};
