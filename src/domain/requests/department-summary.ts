import { addDays, formatLocalDate, parseLocalDate, zonedInstant } from '../calendar/index.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { OPEN_STATUSES } from './statuses.js';

/** The overdue requests listed in a summary (the count covers all of them). */
export const MAX_OVERDUE_LISTED = 100;

export interface OverdueRequest {
  protocol: string;
  serviceCode: string;
  status: string;
  dueAt: number;
  /** Whole days past the due date. */
  daysLate: number;
}

export interface DepartmentDaySummary {
  departmentId: string;
  /** "YYYY-MM-DD" in the city's timezone. */
  day: string;
  /** Opened that day, per service code. */
  openedByService: Record<string, number>;
  opened: number;
  /** Closed that day, per final status (concluido, indeferido, cancelado). */
  closedByStatus: Record<string, number>;
  /** Still open when the summary was made. */
  openNow: number;
  overdueNow: number;
  overdue: OverdueRequest[];
  /** Ratings citizens gave that day. */
  ratings: { count: number; average: number | null };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const isOverdue = (request: { status: string; expectedAt: number | null }, now: number): boolean =>
  request.expectedAt !== null && request.expectedAt < now && (OPEN_STATUSES as readonly string[]).includes(request.status);

/**
 * What a department did on one day and what is late now: the coordinator's morning look at the queue. `day` is a
 * local date of the city ("YYYY-MM-DD").
 */
export const departmentDaySummary = async (
  db: Executor,
  repos: Repositories,
  input: { departmentId: string; day: string; timezone: string },
  now: number,
): Promise<DepartmentDaySummary> => {
  const date = parseLocalDate(input.day);
  const from = zonedInstant(date, 0, input.timezone).getTime();
  const to = zonedInstant(addDays(date, 1), 0, input.timezone).getTime();
  const { departmentId } = input;
  const [openedByService, closedByStatus, openNow, overdueRows, ratings] = await Promise.all([
    repos.requestStats.openedByService(db, departmentId, from, to),
    repos.requestStats.closedByStatus(db, departmentId, from, to),
    repos.requestStats.countInStatuses(db, departmentId, OPEN_STATUSES),
    repos.requests.overdue(db, OPEN_STATUSES, now, departmentId),
    repos.requestStats.ratings(db, departmentId, from, to),
  ]);
  return {
    departmentId,
    day: formatLocalDate(date),
    openedByService,
    opened: Object.values(openedByService).reduce((sum, n) => sum + n, 0),
    closedByStatus,
    openNow,
    overdueNow: overdueRows.length,
    overdue: overdueRows.slice(0, MAX_OVERDUE_LISTED).map((row) => ({
      protocol: row.protocol,
      serviceCode: row.service_code,
      status: row.status,
      dueAt: Number(row.expected_at),
      daysLate: Math.floor((now - Number(row.expected_at)) / DAY_MS),
    })),
    ratings: { count: ratings.count, average: ratings.count > 0 ? Math.round((ratings.sum / ratings.count) * 10) / 10 : null },
  };
};
