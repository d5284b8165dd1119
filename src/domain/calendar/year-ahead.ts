import { holidaysInYear } from './holidays.js';
import { addDays, formatLocalDate } from './local-date.js';
import type { HolidayOccurrence, LocalDate, OfficeCalendar } from './types.js';

/** The holidays and pontos facultativos from `today` through the next 365 days, in date order. */
export const holidaysAhead = (today: LocalDate, calendar: Pick<OfficeCalendar, 'holidays'>): HolidayOccurrence[] => {
  const first = formatLocalDate(today);
  const last = formatLocalDate(addDays(today, 365));
  return [...holidaysInYear(today.year, calendar), ...holidaysInYear(today.year + 1, calendar)].filter((h) => h.date >= first && h.date <= last);
};
