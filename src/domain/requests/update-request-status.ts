import type { OfficeCalendar } from '../calendar/index.js';
import { findService } from '../catalog/index.js';
import { recountRequest } from '../reports/count-requests.js';
import type { Executor, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { changeRequestStatus, type ChangeRequestStatusInput, type ChangeStatusErrorCode, type StatusChange } from './change-request-status.js';
import { inTransaction } from './in-transaction.js';
import type { RequestNotifier } from './notices.js';
import type { Result } from './result.js';
import { isClosedStatus } from './statuses.js';
import type { RequestCity } from './types.js';

export interface RequestUpdateDeps {
  db: Executor;
  repos: Repositories;
  city: Pick<RequestCity, 'catalog' | 'calendar'>;
  notifier: RequestNotifier;
}

/** Everyone told of a request's progress: its citizen and the citizens whose reports were linked to it. */
export const requestAudience = async (tx: Tx, repos: Repositories, requestId: number, citizenKey: string | null): Promise<string[]> => {
  const followers = await repos.followers.of(tx, requestId);
  return [...new Set([...(citizenKey ? [citizenKey] : []), ...followers])];
};

/**
 * Linked reports share the primary's fate when it closes (concluded, refused, cancelled). Their citizens follow the
 * primary, so they hear of it once, through the primary's notice; the duplicates change silently.
 */
const closeDuplicates = async (tx: Tx, repos: Repositories, change: StatusChange, now: number, calendar: OfficeCalendar): Promise<void> => {
  const { request, event } = change;
  if (!isClosedStatus(request.status)) return;
  for (const duplicate of await repos.requests.duplicatesOf(tx, request.id)) {
    if (isClosedStatus(duplicate.status)) continue;
    const closed = await repos.requests.updateStatus(tx, duplicate.id, duplicate.status, request.status, now, now);
    if (closed) await recountRequest(tx, repos, duplicate, closed, calendar);
    await repos.requests.addEvent(tx, {
      request_id: duplicate.id,
      from_status: duplicate.status,
      status: request.status,
      note: `Encerrado junto com o protocolo ${request.protocol}${event.note ? `: ${event.note}` : ''}`,
      actor: event.actor,
      at: now,
    });
  }
};

/**
 * Changes a request's status (see changeRequestStatus), closes its linked reports along with it, and queues a
 * notice with the protocol to its citizen and followers, all in one transaction: the change and its notices are
 * committed together or not at all. On conclusion the notice asks whether the problem was solved.
 */
export const updateRequestStatus = async (
  deps: RequestUpdateDeps,
  input: ChangeRequestStatusInput,
  now: number,
): Promise<Result<StatusChange, ChangeStatusErrorCode>> =>
  inTransaction(deps.db, async (tx) => {
    const changed = await changeRequestStatus(tx, deps.repos, input, now, deps.city.calendar);
    if (!changed.ok) return changed;
    const { request, event } = changed.value;
    await closeDuplicates(tx, deps.repos, changed.value, now, deps.city.calendar);
    const serviceName = findService(deps.city.catalog, request.serviceCode)?.name ?? request.serviceCode;
    const notice = { kind: 'status', protocol: request.protocol, serviceName, status: request.status, note: event.note, askFeedback: request.status === 'concluido' } as const;
    for (const citizenKey of await requestAudience(tx, deps.repos, request.id, request.citizenKey)) {
      await deps.notifier.notify(tx, citizenKey, notice, `notice:${request.protocol}:${event.at}:${request.status}:${citizenKey}`, now);
    }
    return changed;
  });
