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
