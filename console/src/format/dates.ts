/** Dates as the city reads them: in its timezone, in Portuguese. */

const asUtcNoon = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** "30/11/2026". */
export const shortDay = (day: string): string =>
  new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(asUtcNoon(day));

const weekday = (day: string): string => new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', weekday: 'long' }).format(asUtcNoon(day));

/** "segunda-feira, 30 de novembro de 2026". */
export const longDay = (day: string): string =>
  new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(asUtcNoon(day));

/** "30/11/2026 15:00" in the city's time. */
export const dateTime = (iso: string, timezone: string): string =>
  new Intl.DateTimeFormat('pt-BR', { timeZone: timezone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** "30/11 a 02/12/2026", "30/12/2026 a 02/01/2027", or one day with its weekday: "sábado, 02/01/2027". */
export const dayRange = (first: string, last: string): string => {
  if (first === last) return `${weekday(first)}, ${shortDay(first)}`;
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${sameYear ? shortDay(first).slice(0, 5) : shortDay(first)} a ${shortDay(last)}`;
};

/** Minutes the city's clock is ahead of UTC at an instant (Palmas: -180). */
const offsetMinutes = (at: Date, timezone: string): number => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - at.getTime()) / 60_000);
};

/** "2026-12-01" at "14:30" on the city's clock, as an ISO instant for the API. */
export const cityTimeToIso = (day: string, time: string, timezone: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const guess = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0);
  return new Date(guess - offsetMinutes(new Date(guess), timezone) * 60_000).toISOString();
};
