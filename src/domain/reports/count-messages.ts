import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { formatLocalDate, isAttendanceOpen, localDateOf, type ExtraClosure, type OfficeCalendar } from '../calendar/index.js';
import { senderOrigin } from './sender-origin.js';

/** The daily counts kept for reports; each is broken down by its key ('' for the day's total). */
export const METRIC = {
  /** Messages citizens sent (processed), '' only. */
  received: 'received',
  /** … by the sender's state (UF), Brazilian numbers only; '?' for an area code not in the plan. */
  receivedByState: 'received_by_state',
  /** … by the sender's country (ISO code); '?' when unknown. */
  receivedByCountry: 'received_by_country',
  /** … by subject (a service code); '-' when about no service (greetings, the menu…). */
  receivedByService: 'received_by_service',
  /** … by 'inside' or 'outside' the hours a person answers. */
  receivedByHours: 'received_by_hours',
  /** Messages Meta accepted from us (replies, notices, broadcasts), '' only. */
  sent: 'sent',
  /** Requests opened, by service code / department / place id (requests without a place are left out of the last). */
  requestsByService: 'requests_opened_by_service',
  requestsByDepartment: 'requests_opened_by_department',
  requestsByPlace: 'requests_opened_by_place',
  /** Requests closed (and still closed), by final status; on the day they were closed. */
  requestsClosed: 'requests_closed_by_status',
  /** … of those with a deadline: 'on_time' or 'late'. */
  requestsDeadline: 'requests_closed_deadline',
  /** … 'count' and 'minutes' of office hours from opening to closing. */
  requestsResolution: 'requests_resolution',
  /** Citizens' ratings: 'count' and 'sum', on the day of the rating. */
  ratings: 'ratings',
  /** Conversations handed to a person: 'count' and 'minutes' of office hours until an attendant's first answer. */
  firstResponse: 'first_response',
} as const;

export const NO_SUBJECT = '-';
export const UNKNOWN = '?';

export interface ProcessedMessage {
  /** When the citizen sent it (Meta's timestamp), Unix ms. */
  sentAt: number;
  waId: string;
  subject: string | undefined;
}

/** The city's calendar, as the counts need it: days and office hours in its timezone. */
export interface CountingCalendar {
  calendar: OfficeCalendar;
  closures: readonly ExtraClosure[];
}

export const dayOf = (at: number, timezone: string): string => formatLocalDate(localDateOf(new Date(at), timezone));

/** Adds a processed message to the day's counts; call it in the message's transaction so it is counted once. */
export const countProcessedMessage = async (db: Executor, repos: Repositories, message: ProcessedMessage, { calendar, closures }: CountingCalendar): Promise<void> => {
  const day = dayOf(message.sentAt, calendar.timezone);
  const origin = senderOrigin(message.waId);
  const inside = isAttendanceOpen(new Date(message.sentAt), calendar, closures);
  const count = (metric: string, key: string) => ({ day, metric, key, n: 1 });
  await repos.dailyCounts.add(db, [
    count(METRIC.received, ''),
    count(METRIC.receivedByCountry, origin.country ?? UNKNOWN),
    ...(origin.country === 'BR' ? [count(METRIC.receivedByState, origin.state ?? UNKNOWN)] : []),
    count(METRIC.receivedByService, message.subject ?? NO_SUBJECT),
    count(METRIC.receivedByHours, inside ? 'inside' : 'outside'),
  ]);
};

/** Adds sends Meta accepted to the day's count; call it in the transaction that records them. */
export const countSentMessages = async (db: Executor, repos: Repositories, count: number, at: number, timezone: string): Promise<void> => {
  // Most webhooks carry no newly accepted send: skip working out the day.
  if (count > 0) await repos.dailyCounts.add(db, [{ day: dayOf(at, timezone), metric: METRIC.sent, key: '', n: count }]);
};
