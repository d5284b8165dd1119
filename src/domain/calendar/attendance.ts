import { addDays } from './local-date.js';
import { attendanceWindows } from './day-schedule.js';
import { localDateOf, zonedInstant, zonedParts } from './zoned-time.js';
import type { ExtraClosure, OfficeCalendar } from './types.js';

export interface AttendanceOptions {
  /** OFFICE_HOURS_ALWAYS_OPEN=1: attendance is open at any hour (demos, tests). */
  alwaysOpen?: boolean;
}

/** How far ahead to look for an opening before deciding the calendar has none (a misconfiguration). */
const SEARCH_DAYS = 400;

/** Whether human attendance is open at an instant (start inclusive, end exclusive: 17:59:59 open, 18:00 closed). */
export const isAttendanceOpen = (
  at: Date,
  calendar: OfficeCalendar,
  extraClosures: readonly ExtraClosure[] = [],
  options: AttendanceOptions = {},
): boolean => {
  if (options.alwaysOpen) return true;
  const p = zonedParts(at, calendar.timezone);
  const minute = p.hour * 60 + p.minute + p.second / 60;
  return attendanceWindows(p, calendar, extraClosures).some((w) => minute >= w.start && minute < w.end);
};

/**
 * When human attendance next opens. If it is open at `at`, returns `at` itself.
 * Throws when no opening exists within 400 days (no weekly hours, or closures covering everything).
 */
export const nextAttendanceOpening = (
  at: Date,
  calendar: OfficeCalendar,
  extraClosures: readonly ExtraClosure[] = [],
  options: AttendanceOptions = {},
): Date => {
  if (isAttendanceOpen(at, calendar, extraClosures, options)) return at;
  const today = localDateOf(at, calendar.timezone);
  for (let offset = 0; offset <= SEARCH_DAYS; offset += 1) {
    const day = addDays(today, offset);
    for (const window of attendanceWindows(day, calendar, extraClosures)) {
      const opening = zonedInstant(day, window.start, calendar.timezone);
      if (opening.getTime() > at.getTime()) return opening;
    }
  }
  throw new Error(`No attendance opening within ${SEARCH_DAYS} days of ${at.toISOString()}`);
};
