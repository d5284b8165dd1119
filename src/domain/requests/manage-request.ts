import type { Executor, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ServiceRequestChanges } from '../../storage/repositories/service-requests.repository.js';
import type { ServiceRequestRow } from '../../storage/schema.js';
import { managesQueues, mayAssign, visibleRequestRow, worksRequests, type RequestViewer } from './access.js';
import { mayWorkOn } from './assignees.js';
import { inTransaction } from './in-transaction.js';
import { toServiceRequest } from './mapping.js';
import { fail, ok, type Result } from './result.js';
import { attendantActor, isClosedStatus, type Actor, type RequestStatus } from './statuses.js';
import { updateRequestStatus, type RequestUpdateDeps } from './update-request-status.js';
import { MAX_NOTE, type ChangeStatusErrorCode, type StatusChange } from './change-request-status.js';
import type { RequestEventKind, RequestPriority, ServiceRequest } from './types.js';

export type { RequestPriority };

export const REQUEST_PRIORITIES: readonly RequestPriority[] = ['baixa', 'normal', 'alta', 'urgente'];

export type ManageRequestErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'invalid_assignee'
  | 'invalid_priority'
  | 'note_empty'
  | 'note_too_long'
  | 'primary_not_found'
  | 'self_link'
  | 'already_linked'
  | 'primary_is_duplicate'
  | 'has_duplicates'
  | 'different_service'
  | 'not_open'
  | 'not_a_duplicate';

type Managed = Result<ServiceRequest, ManageRequestErrorCode>;

const forbidden = () => fail('forbidden', 'forbidden', 'this role may not do that');

/** Loads the request the viewer may see in a transaction and hands it to `work`; not visible is not found. */
const onVisibleRequest = (
  db: Executor,
  repos: Repositories,
  viewer: RequestViewer,
  protocol: string,
  work: (tx: Tx, row: ServiceRequestRow) => Promise<Managed>,
): Promise<Managed> =>
  inTransaction(db, async (tx) => {
    const row = await visibleRequestRow(tx, repos, viewer, protocol);
    return row ? work(tx, row) : fail('not_found', 'not_found', `no request ${protocol}`);
  });

/** Records an event that leaves the status as it is, by `actor`. */
const recordEvent = (tx: Tx, repos: Repositories, row: ServiceRequestRow, kind: RequestEventKind, note: string, actor: Actor, now: number) =>
  repos.requests.addEvent(tx, { request_id: row.id, kind, from_status: row.status, status: row.status, note, actor, at: now });

/** Changes columns other than the status and records why in the history, by the viewer. */
const changeAndRecord = async (
  tx: Tx,
  repos: Repositories,
  viewer: RequestViewer,
  row: ServiceRequestRow,
  changes: ServiceRequestChanges,
  event: { kind: RequestEventKind; note: string },
  now: number,
): Promise<Managed> => {
  const updated = await repos.requests.update(tx, Number(row.id), changes, now);
  if (!updated) return fail('not_found', 'not_found', `request ${row.protocol} disappeared`);
  await recordEvent(tx, repos, row, event.kind, event.note, attendantActor(viewer.id), now);
  return ok(toServiceRequest(updated));
};

/**
 * Gives the request to a user (null: to nobody). The assignee must be an active user of the request's department
 * or of no department; attendants may only take a request for themselves. The same assignee again changes nothing.
 */
export const assignRequest = (
  db: Executor,
  repos: Repositories,
  viewer: RequestViewer,
  input: { protocol: string; assigneeId: number | null },
  now: number,
): Promise<Managed> =>
  onVisibleRequest(db, repos, viewer, input.protocol, async (tx, row) => {
    if (!mayAssign(viewer, input.assigneeId)) return forbidden();
    const assignee = input.assigneeId === null ? null : await repos.users.byId(tx, input.assigneeId);
    if (assignee === undefined) return fail('invalid_assignee', 'invalid_input', `no user ${input.assigneeId}`);
    if (assignee && !mayWorkOn(assignee, row.department_id))
      return fail('invalid_assignee', 'invalid_input', `user ${assignee.id} may not work on ${row.protocol}`);
    if ((row.assignee_id === null ? null : Number(row.assignee_id)) === input.assigneeId) return ok(toServiceRequest(row));
    const note = assignee ? `Atribuído a ${assignee.name}` : 'Atribuição removida';
    return changeAndRecord(tx, repos, viewer, row, { assignee_id: input.assigneeId }, { kind: 'assignment', note }, now);
  });

/** Sets how urgent the request is (coordinators and admins); the same priority again changes nothing. */
export const setRequestPriority = (
  db: Executor,
  repos: Repositories,
  viewer: RequestViewer,
  input: { protocol: string; priority: RequestPriority },
  now: number,
): Promise<Managed> =>
  onVisibleRequest(db, repos, viewer, input.protocol, async (tx, row) => {
    if (!managesQueues(viewer)) return forbidden();
    if (!REQUEST_PRIORITIES.includes(input.priority)) return fail('invalid_priority', 'invalid_input', `no priority ${input.priority}`);
    if (row.priority === input.priority) return ok(toServiceRequest(row));
    const note = `Prioridade: ${row.priority} → ${input.priority}`;
    return changeAndRecord(tx, repos, viewer, row, { priority: input.priority }, { kind: 'priority', note }, now);
  });

/**
 * A status change by a console user (see updateRequestStatus: linked reports close along, the citizen and
 * followers are told, with the note). A request the viewer may not see is not found.
 */
export const changeStatusAs = (
  deps: RequestUpdateDeps,
  viewer: RequestViewer,
  input: { protocol: string; to: RequestStatus; note?: string | undefined },
  now: number,
): Promise<Result<StatusChange, ChangeStatusErrorCode | 'forbidden'>> =>
  inTransaction(deps.db, async (tx): Promise<Result<StatusChange, ChangeStatusErrorCode | 'forbidden'>> => {
    if (!(await visibleRequestRow(tx, deps.repos, viewer, input.protocol))) return fail('not_found', 'not_found', `no request ${input.protocol}`);
    if (!worksRequests(viewer)) return fail('forbidden', 'forbidden', 'Seu perfil registra e consulta pedidos, mas não muda a situação deles.');
    return updateRequestStatus({ ...deps, db: tx }, { ...input, actor: attendantActor(viewer.id) }, now);
  });

/** An internal note in the request's history (the citizen is not told; a note with a status change is). */
export const addRequestNote = async (
  db: Executor,
  repos: Repositories,
  viewer: RequestViewer,
  input: { protocol: string; note: string },
  now: number,
): Promise<Managed> => {
  const note = input.note.trim();
  if (!note) return fail('note_empty', 'invalid_input', 'the note is empty');
  if (note.length > MAX_NOTE) return fail('note_too_long', 'invalid_input', `note is longer than ${MAX_NOTE} characters`, { max: MAX_NOTE });
  return onVisibleRequest(db, repos, viewer, input.protocol, (tx, row) => changeAndRecord(tx, repos, viewer, row, {}, { kind: 'note', note }, now));
};

/**
 * The primary's history says a report was linked to it, and the report's citizen (if any, and not the primary's
 * own) now follows the primary: they may look it up and hear of its progress. Used when a report is linked on
 * opening and when staff link it later.
 */
export const linkToPrimary = async (
  tx: Tx,
  repos: Repositories,
  primary: ServiceRequestRow,
  duplicate: { protocol: string; citizenKey: string | null },
  actor: Actor,
  now: number,
): Promise<void> => {
  await recordEvent(tx, repos, primary, 'link', `Novo relato ligado a este pedido: ${duplicate.protocol}`, actor, now);
  if (duplicate.citizenKey && duplicate.citizenKey !== primary.citizen_key) await repos.followers.add(tx, Number(primary.id), duplicate.citizenKey, now);
};

/** Why `row` may not become a duplicate of `primary`, if it may not. */
const linkRefusal = async (tx: Tx, repos: Repositories, row: ServiceRequestRow, primary: ServiceRequestRow): Promise<Managed | undefined> => {
  if (primary.id === row.id) return fail('self_link', 'invalid_input', 'a request cannot repeat itself');
  if (row.duplicate_of !== null) return fail('already_linked', 'conflict', `${row.protocol} is already linked`);
  if (primary.duplicate_of !== null) return fail('primary_is_duplicate', 'conflict', `${primary.protocol} is itself a duplicate`);
  if (primary.service_code !== row.service_code) return fail('different_service', 'conflict', `${row.protocol} and ${primary.protocol} are of different services`);
  if (isClosedStatus(primary.status) || isClosedStatus(row.status)) return fail('not_open', 'conflict', 'both requests must be open');
  if ((await repos.requests.duplicatesOf(tx, Number(row.id))).length > 0) return fail('has_duplicates', 'conflict', `${row.protocol} has reports linked to it`);
  return undefined;
};

/**
 * Marks a request as a repeat of an open primary of the same service (coordinators and admins): it keeps its
 * protocol, closes along with the primary, and its citizen follows the primary from now on.
 */
export const linkDuplicate = (
  db: Executor,
  repos: Repositories,
  viewer: RequestViewer,
  input: { protocol: string; primary: string },
  now: number,
): Promise<Managed> =>
  onVisibleRequest(db, repos, viewer, input.protocol, async (tx, row) => {
    if (!managesQueues(viewer)) return forbidden();
    const primary = await visibleRequestRow(tx, repos, viewer, input.primary);
    if (!primary) return fail('primary_not_found', 'not_found', `no request ${input.primary}`);
    const refusal = await linkRefusal(tx, repos, row, primary);
    if (refusal) return refusal;
    const linked = await changeAndRecord(tx, repos, viewer, row, { duplicate_of: Number(primary.id) }, { kind: 'link', note: `Ligado ao pedido ${primary.protocol} como relato repetido` }, now);
    await linkToPrimary(tx, repos, primary, { protocol: row.protocol, citizenKey: row.citizen_key }, attendantActor(viewer.id), now);
    return linked;
  });

/**
 * Makes a linked report a request of its own again (coordinators and admins). Its citizen stops following the
 * primary, unless another of their reports is still linked to it; both histories say so.
 */
export const unlinkDuplicate = (db: Executor, repos: Repositories, viewer: RequestViewer, input: { protocol: string }, now: number): Promise<Managed> =>
  onVisibleRequest(db, repos, viewer, input.protocol, async (tx, row) => {
    if (!managesQueues(viewer)) return forbidden();
    const primary = row.duplicate_of === null ? undefined : await repos.requests.byId(tx, Number(row.duplicate_of));
    if (!primary) return fail('not_a_duplicate', 'conflict', `${row.protocol} is not linked to another request`);
    const unlinked = await changeAndRecord(tx, repos, viewer, row, { duplicate_of: null }, { kind: 'link', note: `Desligado do pedido ${primary.protocol}` }, now);
    await recordEvent(tx, repos, primary, 'link', `Relato ${row.protocol} desligado deste pedido`, attendantActor(viewer.id), now);
    const citizenKey = row.citizen_key;
    const stillLinked = (await repos.requests.duplicatesOf(tx, Number(primary.id))).some((other) => other.citizen_key === citizenKey);
    if (citizenKey && !stillLinked) await repos.followers.remove(tx, Number(primary.id), citizenKey);
    return unlinked;
  });
