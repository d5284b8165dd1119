import { attendanceWindows } from './day-schedule.js';
import { addDays, daysBetween } from './local-date.js';
import type { OfficeCalendar } from './types.js';
import { localDateOf, zonedInstant } from './zoned-time.js';

/** Beyond this, a duration is counted as this long: a request open for years is an outlier, not a workload. */
const MAX_DAYS = 3 * 366;

/**
 * Minutes of office hours between two instants ("resolvido em 6 horas úteis"): only the attendance windows of
 * business days count, so a request opened on Friday evening and closed on Monday at 14:00 took 30 minutes.
 */
export const businessMinutesBetween = (from: number, to: number, calendar: OfficeCalendar): number => {
  if (to <= from) return 0;
  const first = localDateOf(new Date(from), calendar.timezone);
  const days = Math.min(daysBetween(first, localDateOf(new Date(to), calendar.timezone)), MAX_DAYS);
  let minutes = 0;
  for (let offset = 0; offset <= days; offset += 1) {
    const day = addDays(first, offset);
    for (const window of attendanceWindows(day, calendar)) {
      const start = Math.max(from, zonedInstant(day, window.start, calendar.timezone).getTime());
      const end = Math.min(to, zonedInstant(day, window.end, calendar.timezone).getTime());
      if (end > start) minutes += (end - start) / 60_000;
    }
  }
  return Math.round(minutes);
};
