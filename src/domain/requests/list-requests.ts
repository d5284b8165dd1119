import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ServiceRequestQuery } from '../../storage/repositories/service-requests.repository.js';
import { toServiceRequest } from './mapping.js';
import { OPEN_STATUSES, type RequestStatus } from './statuses.js';
import type { ServiceRequest } from './types.js';

/** The most one call returns: Open311's default volume, and plenty for a console page. */
export const MAX_LIST_PAGE = 1000;
/** Longer search text is cut: nobody types more, and a huge LIKE pattern only costs the database. */
export const MAX_SEARCH_LENGTH = 100;

/**
 * Filters combine with AND; a list given empty matches nothing, a list left out matches everything (the repository's
 * query, with an overdue moment instead of a raw due date and an optional page size).
 */
export type ListRequestsFilter = Omit<ServiceRequestQuery, 'dueBefore' | 'limit'> & {
  /** Unix ms: only requests still open after their due date at that moment (see isOverdue). */
  overdueAt?: number | undefined;
  /** 1..MAX_LIST_PAGE; default 50. */
  limit?: number | undefined;
};

export interface RequestPage {
  requests: ServiceRequest[];
  /** Pass as `beforeId` for the next page; undefined when this page was the last. */
  nextBeforeId: number | undefined;
}

/** Only a request still open can be late: the asked statuses that are open, or every open one. */
const openOnly = (statuses: readonly RequestStatus[] | undefined): readonly RequestStatus[] =>
  statuses ? statuses.filter((status) => OPEN_STATUSES.includes(status)) : OPEN_STATUSES;

const clampLimit = (limit: number | undefined): number => Math.max(1, Math.min(Math.trunc(limit ?? 50), MAX_LIST_PAGE));

/** Requests matching the filter, newest first, one page at a time (staff console, Open311 queries). */
export const listRequests = async (db: Executor, repos: Repositories, filter: ListRequestsFilter = {}): Promise<RequestPage> => {
  const limit = clampLimit(filter.limit);
  const search = filter.search?.trim().slice(0, MAX_SEARCH_LENGTH) || undefined;
  // One more row than asked tells whether another page follows without a count query.
  const { overdueAt, ...query } = filter;
  const rows = await repos.requests.list(db, {
    ...query,
    statuses: overdueAt === undefined ? filter.statuses : openOnly(filter.statuses),
    search,
    dueBefore: overdueAt,
    limit: limit + 1,
    offset: Math.max(0, Math.trunc(filter.offset ?? 0)),
  });
  const requests = rows.slice(0, limit).map(toServiceRequest);
  const last = requests.at(-1);
  return { requests, nextBeforeId: rows.length > limit && last ? last.id : undefined };
};

/** The newest status-change note of each request, by request id, for lists that show why a status is what it is. */
export const latestStatusNotes = (db: Executor, repos: Repositories, requests: readonly ServiceRequest[]): Promise<Map<number, string>> =>
  repos.requests.latestNotes(db, requests.map((r) => r.id));
