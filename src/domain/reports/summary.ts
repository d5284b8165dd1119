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

const requestFigures = async (db: Executor, repos: Repositories, city: ReportCity, span: Span): Promise<RequestFigures> => {
  const [opened, closed, backlog, ratings] = await Promise.all([
    repos.reports.requestsOpened(db, span),
    repos.reports.requestsClosed(db, span),
    repos.reports.openNow(db, OPEN_STATUSES),
    repos.reports.ratings(db, span),
  ]);
  const byPlace = tally(opened.filter((o) => o.placeId !== null), (o) => o.placeId ?? '', (o) => o.n);
  const withDeadline = closed.reduce((n, c) => n + c.withDeadline, 0);
  return {
    opened: opened.reduce((n, o) => n + o.n, 0),
    closed: closed.reduce((n, c) => n + c.n, 0),
    backlog,
    onTimeRate: withDeadline === 0 ? null : closed.reduce((n, c) => n + c.onTime, 0) / withDeadline,
    byService: tally(opened, (o) => o.serviceCode, (o) => o.n),
    byDepartment: tally(opened, (o) => o.departmentId, (o) => o.n),
    closedByStatus: tally(closed, (c) => c.status, (c) => c.n),
    topPlaces: Object.entries(byPlace)
      .sort(([, a], [, b]) => b - a)
      .slice(0, TOP_PLACES)
      .map(([placeId, n]) => {
        const place = city.places.places.find((p) => p.id === placeId);
        return { placeId, name: place ? placeLabel(place) : placeId, n };
      }),
    ratings: { count: ratings.count, average: ratings.count === 0 ? null : ratings.sum / ratings.count },
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
  const [totals, received, sent, citizensNew, registrations, requests] = await Promise.all([
    repos.dailyCounts.totals(db, metrics, range.from, range.to),
    repos.dailyCounts.series(db, METRIC.received, range.from, range.to),
    repos.dailyCounts.series(db, METRIC.sent, range.from, range.to),
    repos.reports.citizensFirstSeen(db, span),
    repos.reports.registrations(db),
    requestFigures(db, repos, city, span),
  ]);
  const of = (metric: string): Counts => Object.fromEntries(totals.filter((t) => t.metric === metric).map((t) => [t.key, t.n]));
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
    requests,
  };
};
