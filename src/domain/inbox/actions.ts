import { randomUUID } from 'node:crypto';
import type { Reply } from '../../conversation/reply.js';
import { initialState, readState } from '../../conversation/state.js';
import type { Translate } from '../../platform/i18n.js';
import type { Executor, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { HandoffRow } from '../../storage/schema.js';
import { departmentLabel, resolveDepartment, type Department } from '../catalog/index.js';
import { formatLocalDate, localDateOf, type OfficeCalendar } from '../calendar/index.js';
import { countFirstResponse } from '../reports/count-requests.js';
import { attendsConversations } from '../attendants/staff.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';
import { isWindowOpen } from './queue.js';
import type { InboxViewer } from './types.js';
import { canReassign, canSeeHandoff, reassignForbidden } from './visibility.js';

export const MAX_INBOX_TEXT = 4096;

export interface InboxDeps {
  db: Executor;
  repos: Repositories;
  city: { departments: readonly Department[]; timezone: string; calendar: OfficeCalendar };
  t: Translate;
  /** Turns a reply into the channel's message bodies. */
  render: (reply: Reply) => object[];
  /** The channel's message for the city's approved "let us continue" template (outside the 24-hour window). */
  resumeTemplate: () => object;
}

export type InboxErrorCode =
  | 'handoff_not_found'
  | 'already_taken'
  | 'not_yours'
  | 'closed'
  | 'window_closed'
  | 'window_open'
  | 'empty_text'
  | 'text_too_long'
  | 'unknown_department'
  | 'unknown_user'
  | 'forbidden';

export const attendantAuthor = (viewer: InboxViewer): string => `attendant:${viewer.id}`;

/** The handoff if the viewer may see it; not found otherwise (an attendant never learns of other queues). */
export const visibleHandoff = async (tx: Executor, repos: Repositories, viewer: InboxViewer, id: number): Promise<Result<HandoffRow, InboxErrorCode>> => {
  const row = await repos.handoffs.byId(tx, id);
  if (!row || !canSeeHandoff(viewer, row)) return fail('handoff_not_found', 'not_found', 'Atendimento não encontrado.');
  if (row.status === 'closed') return fail('closed', 'conflict', 'Este atendimento já foi encerrado.');
  return ok(row);
};

/** Queues a message to the citizen if WhatsApp lets free text through now; returns whether it was queued. */
export const tellCitizen = async (deps: InboxDeps, tx: Tx, citizenKey: string, body: string, key: string, author: string | undefined, now: number): Promise<boolean> => {
  const citizen = await deps.repos.citizens.byKey(tx, citizenKey);
  if (!citizen || !isWindowOpen(citizen.last_inbound_at, now)) return false;
  const messages = deps.render({ kind: 'text', body });
  await deps.repos.outbox.enqueue(
    tx,
    messages.map((payload, index) => ({ idempotencyKey: `${key}:${index}`, recipient: citizenKey, payload, cause: key, ...(author ? { author } : {}) })),
    now,
  );
  return true;
};

const event = (deps: InboxDeps, tx: Tx, row: HandoffRow, viewer: InboxViewer, text: string, now: number) =>
  deps.repos.handoffs.addMessage(tx, Number(row.id), text, now, attendantAuthor(viewer), 'event');

/** The viewer takes a waiting citizen; a coordinator may also take one someone else holds. */
export const takeHandoff = async (deps: InboxDeps, viewer: InboxViewer, id: number, now: number): Promise<Result<HandoffRow, InboxErrorCode>> =>
  inTransaction(deps.db, async (tx): Promise<Result<HandoffRow, InboxErrorCode>> => {
    const found = await visibleHandoff(tx, deps.repos, viewer, id);
    if (!found.ok) return found;
    const row = found.value;
    if (row.status === 'taken' && Number(row.taken_by) === viewer.id) return ok(row);
    if (row.status === 'taken' && !canReassign(viewer)) return fail('already_taken', 'conflict', 'Outra pessoa já está atendendo este cidadão.');
    const taken = await deps.repos.handoffs.setStatus(tx, id, row.status, 'taken', now, viewer.id);
    if (!taken) return fail('already_taken', 'conflict', 'Outra pessoa acabou de assumir este atendimento.');
    await event(deps, tx, row, viewer, deps.t('inbox.event.taken', { name: viewer.name }), now);
    return ok(taken);
  });

/** A coordinator hands the citizen to a colleague who can see the queue. */
export const assignHandoff = async (deps: InboxDeps, viewer: InboxViewer, id: number, to: InboxViewer, now: number): Promise<Result<HandoffRow, InboxErrorCode>> =>
  inTransaction(deps.db, async (tx): Promise<Result<HandoffRow, InboxErrorCode>> => {
    if (!canReassign(viewer)) return reassignForbidden();
    const found = await visibleHandoff(tx, deps.repos, viewer, id);
    if (!found.ok) return found;
    if (!attendsConversations(to) || !canSeeHandoff(to, found.value)) return fail('unknown_user', 'invalid_input', 'Essa pessoa não atende esta fila.');
    const taken = await deps.repos.handoffs.setStatus(tx, id, found.value.status, 'taken', now, to.id);
    if (!taken) return fail('already_taken', 'conflict', 'O atendimento mudou enquanto isso; tente de novo.');
    await event(deps, tx, found.value, viewer, deps.t('inbox.event.assigned', { name: viewer.name, to: to.name }), now);
    return ok(taken);
  });

/** Sends the citizen's conversation to another department's queue, telling them (when WhatsApp allows). */
export const transferHandoff = async (deps: InboxDeps, viewer: InboxViewer, id: number, departmentId: string, now: number): Promise<Result<HandoffRow, InboxErrorCode>> =>
  inTransaction(deps.db, async (tx): Promise<Result<HandoffRow, InboxErrorCode>> => {
    const found = await visibleHandoff(tx, deps.repos, viewer, id);
    if (!found.ok) return found;
    const today = formatLocalDate(localDateOf(new Date(now), deps.city.timezone));
    const department = resolveDepartment(deps.city.departments, departmentId, today);
    if (!department) return fail('unknown_department', 'invalid_input', 'Secretaria desconhecida.');
    const moved = await deps.repos.handoffs.transfer(tx, id, department.id, now);
    if (!moved) return fail('closed', 'conflict', 'Este atendimento já foi encerrado.');
    const label = departmentLabel(department);
    await event(deps, tx, found.value, viewer, deps.t('inbox.event.transferred', { name: viewer.name, department: label }), now);
    await tellCitizen(deps, tx, moved.citizen_key, deps.t('inbox.transferred', { department: label }), `handoff:${id}:transfer:${now}`, undefined, now);
    return ok(moved);
  });

/** Ends the attendance: the bot answers again, starting from the menu, and the citizen is told so. */
export const closeHandoff = async (deps: InboxDeps, viewer: InboxViewer, id: number, now: number): Promise<Result<HandoffRow, InboxErrorCode>> =>
  inTransaction(deps.db, async (tx): Promise<Result<HandoffRow, InboxErrorCode>> => {
    const found = await visibleHandoff(tx, deps.repos, viewer, id);
    if (!found.ok) return found;
    const closed = await deps.repos.handoffs.setStatus(tx, id, found.value.status, 'closed', now);
    if (!closed) return fail('closed', 'conflict', 'Este atendimento mudou enquanto isso; tente de novo.');
    await event(deps, tx, found.value, viewer, deps.t('inbox.event.closed', { name: viewer.name }), now);
    const stored = await deps.repos.conversations.load(tx, closed.citizen_key);
    const state = stored ? readState(stored.state) : initialState();
    await deps.repos.conversations.save(tx, closed.citizen_key, { ...state, step: { name: 'menu' } }, now);
    await tellCitizen(deps, tx, closed.citizen_key, deps.t('inbox.closed'), `handoff:${id}:close`, undefined, now);
    return ok(closed);
  });

const cleanText = (text: string): Result<string, InboxErrorCode> => {
  const trimmed = text.trim();
  if (!trimmed) return fail('empty_text', 'invalid_input', 'Escreva a mensagem.');
  if (trimmed.length > MAX_INBOX_TEXT) return fail('text_too_long', 'invalid_input', `A mensagem passa de ${MAX_INBOX_TEXT} caracteres.`);
  return ok(trimmed);
};

/** An internal note on the conversation: seen by the team, never sent. */
export const addHandoffNote = async (deps: InboxDeps, viewer: InboxViewer, id: number, text: string, now: number): Promise<Result<void, InboxErrorCode>> => {
  const note = cleanText(text);
  if (!note.ok) return note;
  return inTransaction(deps.db, async (tx): Promise<Result<void, InboxErrorCode>> => {
    const found = await visibleHandoff(tx, deps.repos, viewer, id);
    if (!found.ok) return found;
    await deps.repos.handoffs.addMessage(tx, id, note.value, now, attendantAuthor(viewer), 'note');
    return ok(undefined);
  });
};

/**
 * The attendant's answer, signed with their name, sent as free text. Only the person attending may answer (take the
 * conversation first), and only within WhatsApp's 24-hour window: outside it, a template is the only way.
 */
export const replyToCitizen = async (deps: InboxDeps, viewer: InboxViewer, id: number, text: string, now: number): Promise<Result<void, InboxErrorCode>> => {
  const body = cleanText(text);
  if (!body.ok) return body;
  return inTransaction(deps.db, async (tx): Promise<Result<void, InboxErrorCode>> => {
    const found = await visibleHandoff(tx, deps.repos, viewer, id);
    if (!found.ok) return found;
    if (found.value.status !== 'taken' || Number(found.value.taken_by) !== viewer.id) return fail('not_yours', 'conflict', 'Assuma o atendimento antes de responder.');
    const signed = deps.t('inbox.signed', { name: viewer.name.split(' ')[0] ?? viewer.name, text: body.value });
    const cause = `handoff:${id}:reply:`;
    const first = !(await deps.repos.outbox.hasCause(tx, found.value.citizen_key, cause));
    const sent = await tellCitizen(deps, tx, found.value.citizen_key, signed, `${cause}${randomUUID()}`, attendantAuthor(viewer), now);
    if (!sent) return fail('window_closed', 'conflict', 'Já se passaram 24 horas desde a última mensagem do cidadão: só é possível enviar um modelo aprovado.');
    if (first) await countFirstResponse(tx, deps.repos, Number(found.value.created_at), now, deps.city.calendar);
    return ok(undefined);
  });
};

/**
 * After 24 hours of silence free text is refused, so the person attending sends the city's approved template
 * asking the citizen to answer; their answer reopens the window and the conversation goes on.
 */
export const resumeConversation = async (deps: InboxDeps, viewer: InboxViewer, id: number, now: number): Promise<Result<void, InboxErrorCode>> =>
  inTransaction(deps.db, async (tx): Promise<Result<void, InboxErrorCode>> => {
    const found = await visibleHandoff(tx, deps.repos, viewer, id);
    if (!found.ok) return found;
    if (found.value.status !== 'taken' || Number(found.value.taken_by) !== viewer.id) return fail('not_yours', 'conflict', 'Assuma o atendimento antes de responder.');
    const citizen = await deps.repos.citizens.byKey(tx, found.value.citizen_key);
    if (citizen && isWindowOpen(citizen.last_inbound_at, now)) return fail('window_open', 'conflict', 'A conversa ainda está aberta: responda com uma mensagem normal.');
    const key = `handoff:${id}:resume:${randomUUID()}`;
    await deps.repos.outbox.enqueue(tx, [{ idempotencyKey: key, recipient: found.value.citizen_key, payload: deps.resumeTemplate(), cause: key, author: attendantAuthor(viewer) }], now);
    await event(deps, tx, found.value, viewer, deps.t('inbox.event.resumed', { name: viewer.name }), now);
    return ok(undefined);
  });
