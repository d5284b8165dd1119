import { z } from 'zod';
import type { HolidayRule, WeeklyShift } from '../../domain/calendar/index.js';
import { hhmm, isoDateOrNull, nonEmpty } from './common.schema.js';

const weekday = z.number().int().min(0).max(6);

const shift = z.strictObject({ weekday, open: hhmm, close: hhmm });

const holiday = z.strictObject({
  rule: z.string().regex(/^(\d{2}-\d{2}|easter[+-]\d{1,3})$/, { error: 'must be "MM-DD" or "easter±N"' }),
  name: nonEmpty,
  scope: nonEmpty,
  kind: z.enum(['feriado', 'ponto_facultativo', 'ponto_facultativo_parcial']),
  opensAt: hhmm.nullable().optional(),
  closesAt: hhmm.nullable().optional(),
  validFrom: isoDateOrNull,
  validTo: isoDateOrNull,
  confirmYearly: z.boolean(),
  source: nonEmpty,
});

export const calendarFileSchema = z.strictObject({
  note: z.string().optional(),
  officeHours: z.strictObject({ source: nonEmpty, weekly: z.array(shift).min(1) }),
  businessWeekdays: z.array(weekday).min(1),
  holidays: z.array(holiday),
});

export type CalendarFile = z.infer<typeof calendarFileSchema>;

export const toWeeklyHours = (file: CalendarFile): WeeklyShift[] => file.officeHours.weekly;
export const toHolidays = (file: CalendarFile): HolidayRule[] => file.holidays;
