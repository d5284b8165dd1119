import { addDays } from './local-date.js';
import type { LocalDate } from './types.js';

export interface ZonedParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timezone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  return f;
};

/** Throws RangeError for a timezone the runtime does not know. */
export const assertTimezone = (timezone: string): void => {
  formatterFor(timezone);
};

/** The wall-clock reading of an instant in a timezone. */
export const zonedParts = (at: Date, timezone: string): ZonedParts => {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timezone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const date = { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0 };
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return { ...date, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0, weekday };
};

export const localDateOf = (at: Date, timezone: string): LocalDate => {
  const { year, month, day } = zonedParts(at, timezone);
  return { year, month, day };
};

const offsetMs = (at: number, timezone: string): number => {
  const p = zonedParts(new Date(at), timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
};

/** The instant at which the wall clock of `timezone` reads `date` + `minutes` after midnight. */
export const zonedInstant = (date: LocalDate, minutes: number, timezone: string): Date => {
  const start = addDays(date, 0);
  const wall = Date.UTC(start.year, start.month - 1, start.day) + minutes * 60_000;
  let guess = wall - offsetMs(wall, timezone);
  // A second pass settles offsets that differ on either side of a DST change.
  guess = wall - offsetMs(guess, timezone);
  return new Date(guess);
};
