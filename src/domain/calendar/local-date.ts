import type { LocalDate } from './types.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const parseLocalDate = (text: string): LocalDate => {
  const m = DATE.exec(text);
  if (!m) throw new Error(`Not a date "YYYY-MM-DD": "${text}"`);
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (formatLocalDate(addDays(date, 0)) !== text) throw new Error(`No such date: "${text}"`);
  return date;
};

export const isLocalDateText = (text: string): boolean => {
  try {
    parseLocalDate(text);
    return true;
  } catch {
    return false;
  }
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export const formatLocalDate = (d: LocalDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** Calendar arithmetic on UTC midnights, so no timezone or DST can shift the day. */
export const addDays = (d: LocalDate, days: number): LocalDate => {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (d: LocalDate): number => new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();

export const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);

/** "HH:MM" → minutes after midnight. */
export const minutesOf = (time: string): number => {
  const m = TIME.exec(time);
  if (!m) throw new Error(`Not a time "HH:MM": "${time}"`);
  return Number(m[1]) * 60 + Number(m[2]);
};

export const isTimeText = (text: string): boolean => TIME.test(text);
