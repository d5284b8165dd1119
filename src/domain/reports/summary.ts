import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { Span } from '../../storage/repositories/reports.repository.js';
import { addDays, daysBetween, formatLocalDate, parseLocalDate, zonedInstant } from '../calendar/index.js';
import type { Catalog } from '../catalog/index.js';
import { placeLabel, type PlaceDirectory } from '../places/index.js';
import { OPEN_STATUSES } from '../requests/index.js';
import { METRIC, NO_SUBJECT } from './count-messages.js';

/** Whole days in the city's timezone, both included ("YYYY-MM-DD"). */
export interface ReportRange {
  from: string;
  to: string;
}

export interface ReportCity {
  catalog: Catalog;
  places: PlaceDirectory;
  timezone: string;
}

export type Counts = Record<string, number>;

export interface RequestFigures {
  opened: number;
  closed: number;
  /** Open now, whatever the period. */
  backlog: number;
  /** Of the requests closed in the period that had a deadline, the share closed by it; null when none had one. */
  onTimeRate: number | null;
  byService: Counts;
  byDepartment: Counts;
  closedByStatus: Counts;
  /** Where requests were opened, most first (at most TOP_PLACES). */
  topPlaces: Array<{ placeId: string; name: string; n: number }>;
  /** Office-hours minutes from opening to closing, of the requests closed in the period. */
  resolution: { count: number; averageMinutes: number | null };
  ratings: { count: number; average: number | null };
}

export interface Summary {
  range: ReportRange;
  messagesReceived: number;
  messagesSent: number;
  insideHours: number;
  outsideHours: number;
  /** Messages by subject: a service code, or '-' for none. */
  byService: Counts;
  byGroup: Counts;
  byDepartment: Counts;
  /** Brazilian numbers by state (UF; '?' for an unknown area code). */
  byState: Counts;
  /** Every number by country (ISO code; '?' unknown). */
  byCountry: Counts;
  /** Days with any message, in order. */
  byDay: Array<{ day: string; received: number; sent: number }>;
  citizensNew: number;
  citizensRegistered: number;
  citizensOptedIn: number;
  /** Office-hours minutes from asking for a person to an attendant's first answer, of answers in the period. */
  firstResponse: { count: number; averageMinutes: number | null };
  requests: RequestFigures;
}

export const TOP_PLACES = 10;
/** Two years: a year compared with the one before. */
export const MAX_RANGE_DAYS = 731;

export const spanOf = (range: ReportRange, timezone: string): Span => ({
  from: zonedInstant(parseLocalDate(range.from), 0, timezone).getTime(),
  to: zonedInstant(addDays(parseLocalDate(range.to), 1), 0, timezone).getTime(),
});

/** The period of the same length just before `range`, for "compared with the previous period". */
export const previousRange = (range: ReportRange): ReportRange => {
  const from = parseLocalDate(range.from);
  const length = daysBetween(from, parseLocalDate(range.to)) + 1;
  return { from: formatLocalDate(addDays(from, -length)), to: formatLocalDate(addDays(from, -1)) };
};


const tally = <T>(items: readonly T[], keyOf: (item: T) => string, countOf: (item: T) => number): Counts => {
  const out: Counts = {};
  for (const item of items) out[keyOf(item)] = (out[keyOf(item)] ?? 0) + countOf(item);
  return out;
};

const regroup = (counts: Counts, groupOf: (key: string) => string): Counts => tally(Object.entries(counts), ([key]) => groupOf(key), ([, n]) => n);

const average = (counts: Counts): { count: number; averageMinutes: number | null } => {
  const count = counts.count ?? 0;
  return { count, averageMinutes: count === 0 ? null : Math.round((counts.minutes ?? 0) / count) };
};

const requestFigures = (of: (metric: string) => Counts, city: ReportCity, backlog: number): RequestFigures => {
  const byService = of(METRIC.requestsByService);
  const closedByStatus = of(METRIC.requestsClosed);
  const deadline = of(METRIC.requestsDeadline);
  const withDeadline = (deadline.on_time ?? 0) + (deadline.late ?? 0);
  const ratings = of(METRIC.ratings);
  const ratingCount = ratings.count ?? 0;
  return {
    opened: Object.values(byService).reduce((a, b) => a + b, 0),
    closed: Object.values(closedByStatus).reduce((a, b) => a + b, 0),
    backlog,
    onTimeRate: withDeadline === 0 ? null : (deadline.on_time ?? 0) / withDeadline,
    byService,
    byDepartment: of(METRIC.requestsByDepartment),
    closedByStatus,
    topPlaces: Object.entries(of(METRIC.requestsByPlace))
      .filter(([, n]) => n > 0)
      .sort(([, a], [, b]) => b - a)
      .slice(0, TOP_PLACES)
      .map(([placeId, n]) => {
        const place = city.places.places.find((p) => p.id === placeId);
        return { placeId, name: place ? placeLabel(place) : placeId, n };
      }),
    resolution: average(of(METRIC.requestsResolution)),
    ratings: { count: ratingCount, average: ratingCount === 0 ? null : (ratings.sum ?? 0) / ratingCount },
  };
};

const byDay = (received: Array<{ day: string; n: number }>, sent: Array<{ day: string; n: number }>): Summary['byDay'] => {
  const receivedOn = new Map(received.map((d) => [d.day, d.n]));
  const sentOn = new Map(sent.map((d) => [d.day, d.n]));
  const days = [...new Set([...receivedOn.keys(), ...sentOn.keys()])].sort();
  return days.map((day) => ({ day, received: receivedOn.get(day) ?? 0, sent: sentOn.get(day) ?? 0 }));
};

/** What the coordinators ask for a period: messages by subject, state and hours; citizens; requests. */
export const reportSummary = async (db: Executor, repos: Repositories, city: ReportCity, range: ReportRange): Promise<Summary> => {
  const span = spanOf(range, city.timezone);
  const metrics = Object.values(METRIC);
  const [totals, received, sent, citizensNew, registrations, backlog] = await Promise.all([
    repos.dailyCounts.totals(db, metrics, range.from, range.to),
    repos.dailyCounts.series(db, METRIC.received, range.from, range.to),
    repos.dailyCounts.series(db, METRIC.sent, range.from, range.to),
    repos.reports.citizensFirstSeen(db, span),
    repos.reports.registrations(db),
    repos.reports.openNow(db, OPEN_STATUSES),
  ]);
  const of = (metric: string): Counts => Object.fromEntries(totals.filter((t) => t.metric === metric && t.n !== 0).map((t) => [t.key, t.n]));
  const byService = of(METRIC.receivedByService);
  const serviceOf = (code: string) => city.catalog.services.find((s) => s.code === code);
  const hours = of(METRIC.receivedByHours);
  return {
    range,
    messagesReceived: of(METRIC.received)[''] ?? 0,
    messagesSent: of(METRIC.sent)[''] ?? 0,
    insideHours: hours.inside ?? 0,
    outsideHours: hours.outside ?? 0,
    byService,
    byGroup: regroup(byService, (code) => serviceOf(code)?.group ?? NO_SUBJECT),
    byDepartment: regroup(byService, (code) => serviceOf(code)?.departmentId ?? NO_SUBJECT),
    byState: of(METRIC.receivedByState),
    byCountry: of(METRIC.receivedByCountry),
    byDay: byDay(received, sent),
    citizensNew,
    citizensRegistered: registrations.registered,
    citizensOptedIn: registrations.optedIn,
    firstResponse: average(of(METRIC.firstResponse)),
    requests: requestFigures(of, city, backlog),
  };
};
