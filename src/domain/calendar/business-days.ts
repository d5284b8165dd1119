import { addDays } from './local-date.js';
import { isBusinessDay } from './day-schedule.js';
import { localDateOf, zonedInstant, zonedParts } from './zoned-time.js';
import type { ExtraClosure, OfficeCalendar } from './types.js';

/**
 * Deadline arithmetic: `n` business days after `date`, at the same local wall-clock time.
 * The starting day never counts (a request opened on Friday with n = 1 is due on Monday); weekends,
 * feriados, full-day pontos facultativos and coordinator closures are skipped. n = 0 returns `date`.
 */
export const addBusinessDays = (
  date: Date,
  n: number,
  calendar: OfficeCalendar,
  extraClosures: readonly ExtraClosure[] = [],
): Date => {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Business days must be a whole number ≥ 0, got ${n}`);
  if (n === 0) return date;
  if (calendar.businessWeekdays.length === 0) throw new Error('The calendar has no business weekdays');
  let day = localDateOf(date, calendar.timezone);
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isBusinessDay(day, calendar, extraClosures)) counted += 1;
  }
  const p = zonedParts(date, calendar.timezone);
  const instant = zonedInstant(day, p.hour * 60 + p.minute, calendar.timezone);
  return new Date(instant.getTime() + p.second * 1000 + date.getUTCMilliseconds());
};
