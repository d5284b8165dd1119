import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { OfficeCalendar } from '../calendar/index.js';
import { recountRequest } from '../reports/count-requests.js';
import { inTransaction } from './in-transaction.js';
import { toRequestEvent, toServiceRequest } from './mapping.js';
import { fail, ok, type Result } from './result.js';
import { canTransition, isClosedStatus, type Actor, type RequestStatus } from './statuses.js';
import type { RequestEvent, ServiceRequest } from './types.js';

export const MAX_NOTE = 2000;

export interface ChangeRequestStatusInput {
  protocol: string;
  to: RequestStatus;
  note?: string | undefined;
  actor: Actor;
  /** Required when actor is 'citizen': they may only change their own request. */
  citizenKey?: string | undefined;
}

export type ChangeStatusErrorCode = 'not_found' | 'transition_forbidden' | 'status_changed' | 'note_too_long';

export interface StatusChange {
  request: ServiceRequest;
  event: RequestEvent;
  from: RequestStatus;
}

/**
 * Moves a request to a new status if the transition table allows it for this actor, recording the event in the
 * same transaction. A concurrent change of the same request makes this one fail with 'status_changed' (the caller
 * reloads and decides again) rather than record a transition from a status the request no longer has.
 */
export const changeRequestStatus = async (
  db: Executor,
  repos: Repositories,
  input: ChangeRequestStatusInput,
  now: number,
  calendar: OfficeCalendar,
): Promise<Result<StatusChange, ChangeStatusErrorCode>> => {
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE) return fail('note_too_long', 'invalid_input', `note is longer than ${MAX_NOTE} characters`, { max: MAX_NOTE });
  return inTransaction(db, async (tx): Promise<Result<StatusChange, ChangeStatusErrorCode>> => {
    const row = await repos.requests.byProtocol(tx, input.protocol);
    if (!row || (input.actor === 'citizen' && (row.citizen_key === null || row.citizen_key !== input.citizenKey)))
      return fail('not_found', 'not_found', `no request ${input.protocol}`);
    const from = row.status;
    if (!canTransition(from, input.to, input.actor))
      return fail('transition_forbidden', 'conflict', `a request in ${from} cannot go to ${input.to}`, { from, to: input.to });
    const updated = await repos.requests.updateStatus(tx, row.id, from, input.to, now, isClosedStatus(input.to) ? now : null);
    if (!updated) return fail('status_changed', 'conflict', `request ${input.protocol} changed meanwhile`);
    await recountRequest(tx, repos, row, updated, calendar);
    const event = await repos.requests.addEvent(tx, { request_id: row.id, from_status: from, status: input.to, note, actor: input.actor, at: now });
    return ok({ request: toServiceRequest(updated), event: toRequestEvent(event), from });
  });
};
