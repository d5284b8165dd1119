/** A day on the city's wall calendar, independent of any instant. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** One attendance shift on a weekday (0 = Sunday … 6 = Saturday), local wall-clock times "HH:MM". */
export interface WeeklyShift {
  weekday: number;
  open: string;
  close: string;
}

/**
 * feriado and ponto_facultativo close human attendance all day and are not business days;
 * ponto_facultativo_parcial only shortens the day (opensAt / closesAt) and still counts as a business day.
 */
export type HolidayKind = 'feriado' | 'ponto_facultativo' | 'ponto_facultativo_parcial';

export interface HolidayRule {
  /** "MM-DD", or "easter+N" / "easter-N" days from Gregorian Easter Sunday. */
  rule: string;
  name: string;
  scope: string;
  kind: HolidayKind;
  /** Partial days: attendance starts no earlier than this ("14:00" on Quarta-feira de Cinzas). */
  opensAt?: string | null | undefined;
  /** Partial days: attendance ends no later than this. */
  closesAt?: string | null | undefined;
  /** "YYYY-MM-DD" bounds (inclusive) of the years the rule applies; null = open. */
  validFrom: string | null;
  validTo: string | null;
  confirmYearly: boolean;
  source: string;
}

export interface OfficeCalendar {
  timezone: string;
  weeklyHours: readonly WeeklyShift[];
  /** Weekdays (0–6) that count as business days for deadlines, before holidays are removed. */
  businessWeekdays: readonly number[];
  holidays: readonly HolidayRule[];
}

/** A closure a coordinator adds (recesso, decree): one day, or a range up to `until` (inclusive), "YYYY-MM-DD". */
export interface ExtraClosure {
  date: string;
  until?: string | undefined;
  reason?: string | undefined;
}

export interface HolidayOccurrence {
  date: string;
  name: string;
  kind: HolidayKind;
  scope: string;
  opensAt: string | null;
  closesAt: string | null;
  confirmYearly: boolean;
}
