import { easterSunday } from './easter.js';
import { addDays, formatLocalDate, parseLocalDate } from './local-date.js';
import { localDateOf } from './zoned-time.js';
import type { HolidayOccurrence, HolidayRule, LocalDate, OfficeCalendar } from './types.js';

const FIXED = /^(\d{2})-(\d{2})$/;
const EASTER = /^easter([+-]\d{1,3})$/;

export type ParsedRule = { type: 'fixed'; month: number; day: number } | { type: 'easter'; offset: number };

export const parseHolidayRule = (rule: string): ParsedRule => {
  const fixed = FIXED.exec(rule);
  if (fixed) {
    const month = Number(fixed[1]);
    const day = Number(fixed[2]);
    // 2024 is a leap year, so 02-29 is accepted; other impossible days are not.
    if (formatLocalDate(addDays({ year: 2024, month, day }, 0)) !== `2024-${rule}`) throw new Error(`No such day: "${rule}"`);
    return { type: 'fixed', month, day };
  }
  const easter = EASTER.exec(rule);
  if (easter) return { type: 'easter', offset: Number(easter[1]) };
  throw new Error(`Holiday rule must be "MM-DD" or "easter±N", got "${rule}"`);
};

/** The day a rule falls on in a year, or null (02-29 in a common year). */
export const ruleDateIn = (rule: string, year: number): LocalDate | null => {
  const parsed = parseHolidayRule(rule);
  if (parsed.type === 'easter') return addDays(easterSunday(year), parsed.offset);
  const date = { year, month: parsed.month, day: parsed.day };
  const normalized = addDays(date, 0);
  return normalized.month === parsed.month ? date : null;
};

const inValidity = (rule: HolidayRule, iso: string): boolean =>
  (rule.validFrom === null || iso >= rule.validFrom) && (rule.validTo === null || iso <= rule.validTo);

const occurrence = (rule: HolidayRule, iso: string): HolidayOccurrence => ({
  date: iso,
  name: rule.name,
  kind: rule.kind,
  scope: rule.scope,
  opensAt: rule.opensAt ?? null,
  closesAt: rule.closesAt ?? null,
  confirmYearly: rule.confirmYearly,
});

const toLocalDate = (date: Date | string | LocalDate, timezone: string): LocalDate => {
  if (typeof date === 'string') return parseLocalDate(date);
  if (date instanceof Date) return localDateOf(date, timezone);
  return date;
};

/**
 * Holidays and pontos facultativos on a day of the city's calendar. A `Date` is read in the calendar's
 * timezone; a "YYYY-MM-DD" string or LocalDate is taken as is. Rules outside their validity are ignored
 * (03-18 in Palmas was a holiday only until 2009).
 */
export const holidaysOn = (
  date: Date | string | LocalDate,
  calendar: Pick<OfficeCalendar, 'holidays' | 'timezone'>,
): HolidayOccurrence[] => {
  const day = toLocalDate(date, calendar.timezone);
  const iso = formatLocalDate(day);
  return calendar.holidays
    .filter((rule) => {
      const on = ruleDateIn(rule.rule, day.year);
      return on !== null && formatLocalDate(on) === iso && inValidity(rule, iso);
    })
    .map((rule) => occurrence(rule, iso));
};

/** Every occurrence in a year, sorted by date: for the console and for checking a new year's decree. */
export const holidaysInYear = (year: number, calendar: Pick<OfficeCalendar, 'holidays'>): HolidayOccurrence[] =>
  calendar.holidays
    .flatMap((rule) => {
      const on = ruleDateIn(rule.rule, year);
      if (on === null) return [];
      const iso = formatLocalDate(on);
      return inValidity(rule, iso) ? [occurrence(rule, iso)] : [];
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
