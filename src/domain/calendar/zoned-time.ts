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

const QUARTER_HOUR_MS = 15 * 60_000;
const lastOffsets = new Map<string, { quarter: number; offsetMs: number }>();

/** The zone's offset from UTC at the start of a quarter hour, read from the runtime's time zone data. */
const readOffsetMs = (quarterStart: number, timezone: string): number => {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timezone).formatToParts(new Date(quarterStart))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - quarterStart;
};

/**
 * The zone's offset from UTC at an instant. Since 1970 every zone changes its offset on a quarter hour of UTC, so
 * one reading of the (slow) Intl formatter serves the whole quarter hour: every message of a busy minute costs one.
 */
const offsetAt = (at: number, timezone: string): number => {
  const quarter = Math.floor(at / QUARTER_HOUR_MS);
  const last = lastOffsets.get(timezone);
  if (last?.quarter === quarter) return last.offsetMs;
  const offsetMs = readOffsetMs(quarter * QUARTER_HOUR_MS, timezone);
  lastOffsets.set(timezone, { quarter, offsetMs });
  return offsetMs;
};

/** The wall-clock reading of an instant in a timezone. */
export const zonedParts = (at: Date, timezone: string): ZonedParts => {
  const wall = new Date(at.getTime() + offsetAt(at.getTime(), timezone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
  };
};

export const localDateOf = (at: Date, timezone: string): LocalDate => {
  const { year, month, day } = zonedParts(at, timezone);
  return { year, month, day };
};

/** The instant at which the wall clock of `timezone` reads `date` + `minutes` after midnight. */
export const zonedInstant = (date: LocalDate, minutes: number, timezone: string): Date => {
  const start = addDays(date, 0);
  const wall = Date.UTC(start.year, start.month - 1, start.day) + minutes * 60_000;
  let guess = wall - offsetAt(wall, timezone);
  // A second pass settles offsets that differ on either side of a DST change.
  guess = wall - offsetAt(guess, timezone);
  return new Date(guess);
};
