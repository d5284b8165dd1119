import { zonedParts } from '../calendar/index.js';

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/**
 * An instant as W3C/ISO 8601 with the city's UTC offset ("2026-05-20T13:45:00-03:00"): Open311 requires a
 * timezone, and a local offset reads better for the city's staff than Z.
 */
export const formatW3cDateTime = (at: number, timezone: string): string => {
  const p = zonedParts(new Date(at), timezone);
  const offsetMinutes = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
};

const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const W3C_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A W3C datetime with a timezone, as Open311 asks for; undefined when it is not one or is not a real date. */
export const parseW3cDateTime = (text: string): number | undefined => {
  const m = W3C_DATETIME.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second] = m.map((part) => part ?? '0');
  const fields = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)] as const;
  const [y, mo, d, h, mi, s] = fields;
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 31 February over into March: a date that does not exist is refused instead.
  if (wall.getUTCFullYear() !== y || wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
};

/** A bare "YYYY-MM-DD" (the W3C note's date precision), read as that day in the city. */
export const parseW3cDate = (text: string): { year: number; month: number; day: number } | undefined => {
  const m = W3C_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : undefined;
};
