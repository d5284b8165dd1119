import { describeOpening, isAttendanceOpen, nextAttendanceOpening } from '../../domain/calendar/index.js';
import { emergencyLine } from '../../domain/catalog/index.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { goTo } from '../outcome.js';
import type { Reply } from '../reply.js';
import type { ConversationState, Step } from '../state.js';
import { plain } from '../words.js';

/** Words that make a message sound like an emergency: then the emergency lines come first. */
const URGENT = /\b(fogo|incendio|pegando fogo|acidente|atropel|fio (solto|caido|desencapado)|choque|alagad|alagou|enchente|inunda|desabou|desabamento|arma|tiro|assalto|violencia|agress|socorro|urgente|emergencia|ferido|sangrando|infarto|desmaio)/;

export const soundsUrgent = (text: string): boolean => URGENT.test(plain(text));

const emergencyReply = (ctx: EngineContext): Reply => ({ kind: 'text', body: ctx.t('handoff.emergency', { lines: emergencyLine(ctx.city.contacts) }) });

/** The service the conversation was about when the citizen asked for a person, so the right department answers. */
const topicOf = (step: Step, turn: Turn): string | undefined => {
  switch (step.name) {
    case 'requestField':
    case 'requestConfirm':
      return step.draft.serviceCode;
    case 'confirmService':
      return step.serviceCode;
    case 'handoff':
      return step.serviceCode;
    default:
      return turn.understanding?.serviceCode ?? undefined;
  }
};

const attendanceOpen = (turn: Turn, ctx: EngineContext): boolean =>
  isAttendanceOpen(new Date(turn.at), ctx.city.calendar, turn.closures, { alwaysOpen: ctx.alwaysOpen });

/** The citizen asked for a person: queue them, saying when someone will answer if attendance is closed. */
export const startHandoff = (state: ConversationState, turn: Turn, ctx: EngineContext, message?: string): Outcome => {
  const urgent = message !== undefined && soundsUrgent(message);
  const at = new Date(turn.at);
  const open = attendanceOpen(turn, ctx);
  const opening = open ? undefined : describeOpening(nextAttendanceOpening(at, ctx.city.calendar, turn.closures), at, ctx.city.calendar.timezone, ctx.t);
  const serviceCode = topicOf(state.step, turn);
  const replies: Reply[] = [
    ...(urgent ? [emergencyReply(ctx)] : []),
    { kind: 'text', body: open ? ctx.t('handoff.open') : ctx.t('handoff.closed', { opening: opening ?? '' }) },
  ];
  return goTo(state, { name: 'handoff', ...(serviceCode ? { serviceCode } : {}) }, replies, [{ kind: 'handoff', message, urgent, attendanceOpen: open, serviceCode }]);
};

/**
 * While waiting for a person, every message goes to the team's queue with a word that it did; once a person is
 * attending, the bot stays quiet and only passes the messages on.
 */
export const handoffStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  const { step } = state;
  if (step.name !== 'handoff' || turn.content.type !== 'text') return undefined;
  const urgent = soundsUrgent(turn.content.body);
  const effect = { kind: 'handoff', message: turn.content.body, urgent, attendanceOpen: attendanceOpen(turn, ctx), serviceCode: step.serviceCode } as const;
  if (turn.citizen.handoff === 'taken') return goTo(state, step, [], [effect]);
  return goTo(state, step, [...(urgent ? [emergencyReply(ctx)] : []), { kind: 'text', body: ctx.t('handoff.waiting') }], [effect]);
};
