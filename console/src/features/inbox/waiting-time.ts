const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "agora", "há 12 min", "há 2 h 05 min", "há 3 dias": how long ago `iso` was, as a queue reads it. */
export const timeAgo = (iso: string, now: number): string => {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (elapsed < MINUTE) return 'agora';
  if (elapsed < HOUR) return `há ${Math.floor(elapsed / MINUTE)} min`;
  if (elapsed < DAY) {
    const hours = Math.floor(elapsed / HOUR);
    const minutes = Math.floor((elapsed % HOUR) / MINUTE);
    return minutes === 0 ? `há ${hours} h` : `há ${hours} h ${String(minutes).padStart(2, '0')} min`;
  }
  const days = Math.floor(elapsed / DAY);
  return days === 1 ? 'há 1 dia' : `há ${days} dias`;
};

/** "14:05" in the city's time. */
export const clockTime = (iso: string, timezone: string): string =>
  new Intl.DateTimeFormat('pt-BR', { timeZone: timezone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** "30/11/2026" in the city's time: the day separators of a conversation. */
export const dayOf = (iso: string, timezone: string): string =>
  new Intl.DateTimeFormat('pt-BR', { timeZone: timezone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
