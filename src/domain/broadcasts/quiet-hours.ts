import { addDays, localDateOf, zonedInstant, zonedParts } from '../calendar/index.js';

/** Broadcasts never go out between 21:00 and 08:00 on the city's clock. */
export const QUIET_HOURS = { start: 21 * 60, end: 8 * 60 } as const;

const minuteOfDay = (at: Date, timezone: string): number => {
  const { hour, minute } = zonedParts(at, timezone);
  return hour * 60 + minute;
};

export const isQuietTime = (at: Date, timezone: string): boolean => {
  const minute = minuteOfDay(at, timezone);
  return minute >= QUIET_HOURS.start || minute < QUIET_HOURS.end;
};

/** The first moment at or after `at` when broadcasts may go out: `at` itself, or the end of the quiet hours. */
export const nextSendingTime = (at: Date, timezone: string): Date => {
  if (!isQuietTime(at, timezone)) return at;
  const today = localDateOf(at, timezone);
  const day = minuteOfDay(at, timezone) >= QUIET_HOURS.start ? addDays(today, 1) : today;
  return zonedInstant(day, QUIET_HOURS.end, timezone);
};

/** When the next quiet hours begin, from a moment sending is allowed (or from when it is allowed again). */
export const nextQuietStart = (at: Date, timezone: string): Date => {
  const allowed = nextSendingTime(at, timezone);
  return zonedInstant(localDateOf(allowed, timezone), QUIET_HOURS.start, timezone);
};

const formatter = new Map<string, Intl.DateTimeFormat>();

/** "29/11/2026 às 08:00", on the city's clock, for messages to staff. */
export const describeLocalTime = (at: Date, timezone: string): string => {
  let f = formatter.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('pt-BR', { timeZone: timezone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatter.set(timezone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} às ${parts.hour}:${parts.minute}`;
};

/** When `sendingMs` of sending done from `from` on would end, sending only outside the quiet hours. */
export const sendingFinishTime = (from: Date, sendingMs: number, timezone: string): Date => {
  let left = sendingMs;
  let at = nextSendingTime(from, timezone);
  // Each pass spends one day's sending hours; a year of them is far beyond any broadcast.
  for (let day = 0; day < 366; day += 1) {
    const stop = nextQuietStart(at, timezone).getTime();
    if (at.getTime() + left <= stop) return new Date(at.getTime() + left);
    left -= stop - at.getTime();
    at = nextSendingTime(new Date(stop), timezone);
  }
  return at;
};
