import { describeOpening, isAttendanceOpen, nextAttendanceOpening } from '../../domain/calendar/index.js';
import { emergencyLine } from '../../domain/catalog/index.js';
import type { EngineContext, Outcome, Turn } from '../context.js';
import { goTo } from '../outcome.js';
import type { Reply } from '../reply.js';
import type { ConversationState } from '../state.js';
import { plain } from '../words.js';

/** Words that make a message sound like an emergency: then the emergency lines come first. */
const URGENT = /\b(fogo|incendio|pegando fogo|acidente|atropel|fio (solto|caido|desencapado)|choque|alagad|alagou|enchente|inunda|desabou|desabamento|arma|tiro|assalto|violencia|agress|socorro|urgente|emergencia|ferido|sangrando|infarto|desmaio)/;

export const soundsUrgent = (text: string): boolean => URGENT.test(plain(text));

const emergencyReply = (ctx: EngineContext): Reply => ({ kind: 'text', body: ctx.t('handoff.emergency', { lines: emergencyLine(ctx.city.contacts) }) });

/** The citizen asked for a person: queue them, saying when someone will answer if attendance is closed. */
export const startHandoff = (state: ConversationState, turn: Turn, ctx: EngineContext, message?: string): Outcome => {
  const urgent = message !== undefined && soundsUrgent(message);
  const at = new Date(turn.at);
  const open = isAttendanceOpen(at, ctx.city.calendar, [], { alwaysOpen: ctx.alwaysOpen });
  const opening = open ? undefined : describeOpening(nextAttendanceOpening(at, ctx.city.calendar, []), at, ctx.city.calendar.timezone, ctx.t);
  const replies: Reply[] = [
    ...(urgent ? [emergencyReply(ctx)] : []),
    { kind: 'text', body: open ? ctx.t('handoff.open') : ctx.t('handoff.closed', { opening: opening ?? '' }) },
  ];
  return goTo(state, { name: 'handoff' }, replies, [{ kind: 'handoff', message, urgent }]);
};

/** While waiting for a person, every message goes to the team's queue. */
export const handoffStep = (state: ConversationState, turn: Turn, ctx: EngineContext): Outcome | undefined => {
  if (state.step.name !== 'handoff' || turn.content.type !== 'text') return undefined;
  const urgent = soundsUrgent(turn.content.body);
  return goTo(state, state.step, [...(urgent ? [emergencyReply(ctx)] : []), { kind: 'text', body: ctx.t('handoff.waiting') }], [
    { kind: 'handoff', message: turn.content.body, urgent },
  ]);
};
