import { z } from 'zod';

/** "YYYY-MM-DD" that exists on the calendar. */
export const isoDate = z.iso.date({ error: 'must be a date "YYYY-MM-DD"' });
export const isoDateOrNull = isoDate.nullable();
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, { error: 'must be a time "HH:MM"' });
export const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a lower-case id with dashes' });
export const nonEmpty = z.string().trim().min(1);
