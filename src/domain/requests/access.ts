import { departmentScope, managesQueues, seesDepartment, worksRequests, type StaffViewer } from '../attendants/staff.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ServiceRequestRow } from '../../storage/schema.js';
import { listRequests, type ListRequestsFilter } from './list-requests.js';
import { toRequestEvent, toServiceRequest } from './mapping.js';
import { fail, ok, type Result } from './result.js';
import type { RequestEvent, ServiceRequest } from './types.js';

/** A console user looking at requests (see attendants/staff for who sees what). */
export type RequestViewer = Pick<StaffViewer, 'id' | 'role' | 'departmentId'>;

export { departmentScope, managesQueues, worksRequests };

export const canSeeRequest = (viewer: RequestViewer, request: { departmentId: string }): boolean => seesDepartment(viewer, request.departmentId);

/** Who reported: never on anonymous requests (fiscalização); otherwise to the request's department and to users of none. */
export const canSeeReporter = (viewer: RequestViewer, request: { departmentId: string; anonymous: boolean }): boolean =>
  !request.anonymous && (viewer.departmentId === null || viewer.departmentId === request.departmentId);

/** Attendants take requests for themselves; only managers hand them to someone else or take them away. */
export const mayAssign = (viewer: RequestViewer, assigneeId: number | null): boolean =>
  managesQueues(viewer) || (worksRequests(viewer) && assigneeId === viewer.id);

/** The request, if the viewer may see it; otherwise undefined, exactly as if it did not exist. */
export const visibleRequestRow = async (db: Executor, repos: Repositories, viewer: RequestViewer, protocol: string): Promise<ServiceRequestRow | undefined> => {
  const row = await repos.requests.byProtocol(db, protocol);
  return row && canSeeRequest(viewer, { departmentId: row.department_id }) ? row : undefined;
};

/** A request as staff see it: who reported is never part of it, see StaffRequestView.reporter. */
export type StaffRequest = Omit<ServiceRequest, 'citizenKey' | 'contact'> & {
  assigneeName: string | null;
  duplicateOfProtocol: string | null;
};

export interface Person {
  name: string | null;
  phone: string | null;
}

export interface StaffRequestView extends StaffRequest {
  history: Array<RequestEvent & { actorName: string | null }>;
  /** Null when the viewer may not know who reported (anonymous, or another department). */
  reporter: { citizen: Person | null; caller: Person | null } | null;
  followers: number;
  /** Protocols of the reports linked to this one. */
  duplicates: string[];
}

const userNames = async (db: Executor, repos: Repositories, ids: ReadonlyArray<number | null>): Promise<Map<number, string>> => {
  const users = await repos.users.byIds(db, ids.filter((id): id is number => id !== null));
  return new Map(users.map((user) => [Number(user.id), user.name]));
};

const ATTENDANT_ACTOR = /^attendant:(\d+)$/;
const attendantIdOf = (actor: string): number | null => {
  const match = ATTENDANT_ACTOR.exec(actor);
  return match ? Number(match[1]) : null;
};

const forStaff = (request: ServiceRequest, names: Map<number, string>, protocols: Map<number, string>): StaffRequest => {
  const { citizenKey: _citizenKey, contact: _contact, ...rest } = request;
  return {
    ...rest,
    assigneeName: request.assigneeId === null ? null : (names.get(request.assigneeId) ?? null),
    duplicateOfProtocol: request.duplicateOf === null ? null : (protocols.get(request.duplicateOf) ?? null),
  };
};

const personOrNull = (person: Person): Person | null => (person.name || person.phone ? person : null);

const reporterOf = async (db: Executor, repos: Repositories, request: ServiceRequest): Promise<StaffRequestView['reporter']> => {
  const citizen = request.citizenKey ? await repos.citizens.byKey(db, request.citizenKey) : undefined;
  const profile = request.citizenKey ? await repos.citizens.profileByKey(db, request.citizenKey) : undefined;
  return {
    citizen: citizen ? { name: profile?.name ?? citizen.profile_name, phone: citizen.wa_id } : null,
    caller: personOrNull(request.contact),
  };
};

/** One request with its history, names resolved, if the viewer may see it. */
export const viewRequest = async (db: Executor, repos: Repositories, viewer: RequestViewer, protocol: string): Promise<StaffRequestView | undefined> => {
  const row = await visibleRequestRow(db, repos, viewer, protocol);
  if (!row) return undefined;
  const request = toServiceRequest(row);
  const history = (await repos.requests.events(db, row.id)).map(toRequestEvent);
  const names = await userNames(db, repos, [request.assigneeId, ...history.map((event) => attendantIdOf(event.actor))]);
  const protocols = await repos.requests.protocolsByIds(db, request.duplicateOf === null ? [] : [request.duplicateOf]);
  return {
    ...forStaff(request, names, protocols),
    history: history.map((event) => ({ ...event, actorName: names.get(attendantIdOf(event.actor) ?? -1) ?? null })),
    reporter: canSeeReporter(viewer, request) ? await reporterOf(db, repos, request) : null,
    followers: (await repos.followers.of(db, request.id)).length,
    duplicates: (await repos.requests.duplicatesOf(db, request.id)).map((duplicate) => duplicate.protocol),
  };
};

export interface StaffRequestPage {
  requests: StaffRequest[];
  nextBeforeId: number | undefined;
}

/**
 * A page of the requests the viewer may see. A user limited to a department who asks for another one is told it
 * is not found, as for a single request of another department.
 */
export const listVisibleRequests = async (
  db: Executor,
  repos: Repositories,
  viewer: RequestViewer,
  filter: ListRequestsFilter,
): Promise<Result<StaffRequestPage, 'department_not_found'>> => {
  const scope = departmentScope(viewer);
  if (scope !== undefined && filter.departmentId !== undefined && filter.departmentId !== scope)
    return fail('department_not_found', 'not_found', `department ${filter.departmentId} is not the viewer's`);
  const page = await listRequests(db, repos, { ...filter, departmentId: scope ?? filter.departmentId });
  const names = await userNames(db, repos, page.requests.map((request) => request.assigneeId));
  const protocols = await repos.requests.protocolsByIds(db, page.requests.flatMap((request) => (request.duplicateOf === null ? [] : [request.duplicateOf])));
  return ok({ requests: page.requests.map((request) => forStaff(request, names, protocols)), nextBeforeId: page.nextBeforeId });
};
