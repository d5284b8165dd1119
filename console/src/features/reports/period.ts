/** A report's period, both days included ("YYYY-MM-DD" in the city). */
export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const dayOf = (text: string) => new Date(`${text}T12:00:00Z`);
const addDays = (text: string, days: number) => {
  const d = dayOf(text);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
};

/** Today in the city. */
export const cityToday = (timezone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export const PRESETS: Array<{ id: string; label: string; period: (today: string) => Period }> = [
  { id: '7d', label: 'Últimos 7 dias', period: (today) => ({ from: addDays(today, -6), to: today }) },
  { id: '30d', label: 'Últimos 30 dias', period: (today) => ({ from: addDays(today, -29), to: today }) },
  { id: 'mes', label: 'Este mês', period: (today) => ({ from: `${today.slice(0, 8)}01`, to: today }) },
  {
    id: 'mes-passado',
    label: 'Mês passado',
    period: (today) => {
      const firstOfThis = dayOf(`${today.slice(0, 8)}01`);
      const lastOfPrevious = addDays(iso(firstOfThis), -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    },
  },
  { id: 'ano', label: 'Este ano', period: (today) => ({ from: `${today.slice(0, 4)}-01-01`, to: today }) },
  { id: '12m', label: 'Últimos 12 meses', period: (today) => ({ from: addDays(today, -364), to: today }) },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the address (?de=&ate=), else the last 30 days. */
export const periodFromAddress = (search: string, today: string): Period => {
  const params = new URLSearchParams(search);
  const from = params.get('de');
  const to = params.get('ate');
  return from && to && DAY.test(from) && DAY.test(to) && from <= to ? { from, to } : (PRESETS[1]?.period(today) ?? { from: today, to: today });
};

export const addressOf = (period: Period): string => `?de=${period.from}&ate=${period.to}`;
