import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { DailyCount } from '../../storage/repositories/daily-counts.repository.js';
import type { ServiceRequestRow } from '../../storage/schema.js';
import { businessMinutesBetween, type OfficeCalendar } from '../calendar/index.js';
import { dayOf, METRIC } from './count-messages.js';

/** Only concluded, refused and cancelled requests count as closed (closed_at is set for those alone). */
const contribution = (row: ServiceRequestRow, calendar: OfficeCalendar): DailyCount[] => {
  const on = (at: number) => dayOf(at, calendar.timezone);
  const opened = on(Number(row.created_at));
  const counts: DailyCount[] = [
    { day: opened, metric: METRIC.requestsByService, key: row.service_code, n: 1 },
    { day: opened, metric: METRIC.requestsByDepartment, key: row.department_id, n: 1 },
    ...(row.place_id ? [{ day: opened, metric: METRIC.requestsByPlace, key: row.place_id, n: 1 }] : []),
  ];
  if (row.closed_at !== null) {
    const closedAt = Number(row.closed_at);
    const closed = on(closedAt);
    counts.push(
      { day: closed, metric: METRIC.requestsClosed, key: row.status, n: 1 },
      { day: closed, metric: METRIC.requestsResolution, key: 'count', n: 1 },
      { day: closed, metric: METRIC.requestsResolution, key: 'minutes', n: businessMinutesBetween(Number(row.created_at), closedAt, calendar) },
    );
    if (row.expected_at !== null) counts.push({ day: closed, metric: METRIC.requestsDeadline, key: closedAt <= Number(row.expected_at) ? 'on_time' : 'late', n: 1 });
  }
  if (row.rating !== null && row.feedback_at !== null) {
    const rated = on(Number(row.feedback_at));
    counts.push({ day: rated, metric: METRIC.ratings, key: 'count', n: 1 }, { day: rated, metric: METRIC.ratings, key: 'sum', n: Number(row.rating) });
  }
  return counts;
};

/**
 * Keeps the request counts equal to what the requests table says: takes out what the request counted for before the
 * change and adds what it counts for after (opened; closed, on time, how long; rated). Call it in the change's
 * transaction with the row before (undefined when new) and after.
 */
export const recountRequest = async (
  db: Executor,
  repos: Repositories,
  before: ServiceRequestRow | undefined,
  after: ServiceRequestRow,
  calendar: OfficeCalendar,
): Promise<void> => {
  const taken = before ? contribution(before, calendar).map((count) => ({ ...count, n: -count.n })) : [];
  await repos.dailyCounts.add(db, [...taken, ...contribution(after, calendar)]);
};

/** An attendant answered a citizen waiting for a person for the first time: how long it took in office hours. */
export const countFirstResponse = async (db: Executor, repos: Repositories, askedAt: number, answeredAt: number, calendar: OfficeCalendar): Promise<void> => {
  const day = dayOf(answeredAt, calendar.timezone);
  await repos.dailyCounts.add(db, [
    { day, metric: METRIC.firstResponse, key: 'count', n: 1 },
    { day, metric: METRIC.firstResponse, key: 'minutes', n: businessMinutesBetween(askedAt, answeredAt, calendar) },
  ]);
};
