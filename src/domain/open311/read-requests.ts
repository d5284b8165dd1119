import { findRequest, isCanonicalProtocol, latestStatusNotes, listRequests } from '../requests/index.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { refuse, type Open311Result } from './errors.js';
import type { Open311Params } from './params.js';
import { presentRequest, type Open311Request, type PresentCity } from './present-request.js';
import { parseRequestQuery } from './query-requests.js';

/** GET requests: the requests matching the spec's filters, newest first. */
export const queryOpen311Requests = async (
  db: Executor,
  repos: Repositories,
  city: PresentCity,
  params: Open311Params,
  now: number,
): Promise<Open311Result<Open311Request[]>> => {
  const filter = parseRequestQuery(params, city.timezone, now);
  if (!filter.ok) return filter;
  const { requests } = await listRequests(db, repos, filter.value);
  const notes = await latestStatusNotes(db, repos, requests);
  return { ok: true, value: requests.map((request) => presentRequest(city, request, notes.get(request.id))) };
};

/** GET requests/{id}: one request, as a list of one (the spec's shape). */
export const getOpen311Request = async (db: Executor, repos: Repositories, city: PresentCity, id: string): Promise<Open311Result<Open311Request[]>> => {
  const request = isCanonicalProtocol(id) ? await findRequest(db, repos, id) : undefined;
  if (!request) return refuse(404, `service_request_id: não há solicitação ${id.slice(0, 40)}.`);
  const note = request.history.findLast((event) => event.kind === 'status' && event.note !== null)?.note ?? undefined;
  return { ok: true, value: [presentRequest(city, request, note)] };
};
