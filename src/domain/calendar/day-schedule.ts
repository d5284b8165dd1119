import { formatLocalDate, minutesOf, weekdayOf } from './local-date.js';
import { holidaysOn } from './holidays.js';
import type { ExtraClosure, LocalDate, OfficeCalendar } from './types.js';

/** Minutes after local midnight: [start, end). */
export interface Window {
  start: number;
  end: number;
}

export const isClosedByExtra = (iso: string, closures: readonly ExtraClosure[]): boolean =>
  closures.some((c) => iso >= c.date && iso <= (c.until ?? c.date));

/**
 * The attendance windows of one local day after holidays and closures:
 * feriado, ponto_facultativo and coordinator closures remove the day; a partial ponto facultativo
 * clips the shifts to [opensAt, closesAt) — on Quarta-feira de Cinzas "até 14h" a 13:30–18:00 shift opens at 14:00.
 */
export const attendanceWindows = (
  day: LocalDate,
  calendar: OfficeCalendar,
  extraClosures: readonly ExtraClosure[] = [],
): Window[] => {
  const iso = formatLocalDate(day);
  if (isClosedByExtra(iso, extraClosures)) return [];
  const holidays = holidaysOn(day, calendar);
  if (holidays.some((h) => h.kind !== 'ponto_facultativo_parcial')) return [];
  let from = 0;
  let to = 24 * 60;
  for (const h of holidays) {
    if (h.opensAt) from = Math.max(from, minutesOf(h.opensAt));
    if (h.closesAt) to = Math.min(to, minutesOf(h.closesAt));
  }
  const weekday = weekdayOf(day);
  return calendar.weeklyHours
    .filter((s) => s.weekday === weekday)
    .map((s) => ({ start: Math.max(minutesOf(s.open), from), end: Math.min(minutesOf(s.close), to) }))
    .filter((w) => w.start < w.end)
    .sort((a, b) => a.start - b.start);
};

/**
 * A business day for deadlines: one of the calendar's business weekdays that is not a feriado, not a
 * full-day ponto facultativo and not a coordinator closure. Partial pontos facultativos still count.
 */
export const isBusinessDay = (
  day: LocalDate,
  calendar: OfficeCalendar,
  extraClosures: readonly ExtraClosure[] = [],
): boolean => {
  if (!calendar.businessWeekdays.includes(weekdayOf(day))) return false;
  if (isClosedByExtra(formatLocalDate(day), extraClosures)) return false;
  return holidaysOn(day, calendar).every((h) => h.kind === 'ponto_facultativo_parcial');
};
