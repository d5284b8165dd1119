import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeOpening, holidaysAhead, isAttendanceOpen, localDateOf, nextAttendanceOpening, type OfficeCalendar } from '../../domain/calendar/index.js';
import { closuresForCalendar } from '../../domain/closures/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Translate } from '../../platform/i18n.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface CalendarRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  calendar: OfficeCalendar;
  t: Translate;
  requireUser: onRequestAsyncHookHandler;
}

const calendarSchema = z.object({
  timezone: z.string(),
  weekly_hours: z.array(z.object({ weekday: z.number().describe('0 = domingo … 6 = sábado'), open: z.string(), close: z.string() })),
  open_now: z.boolean(),
  next_opening: z.string().describe('ISO 8601: now when open'),
  next_opening_text: z.string().describe('as the bot tells citizens, e.g. "segunda-feira, às 13h30"'),
  holidays: z.array(z.object({ date: z.string(), name: z.string(), kind: z.enum(['feriado', 'ponto_facultativo', 'ponto_facultativo_parcial']), scope: z.string(), opens_at: z.string().nullable(), closes_at: z.string().nullable() })),
});

/** The attendance calendar as the bot applies it: office hours, whether a person answers now, the year's holidays. */
export const registerCalendarRoutes = (app: FastifyInstance, deps: CalendarRoutesDeps): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/calendar', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['calendar'],
      summary: 'Office hours, whether attendance is open now and when it next opens, and the holidays of the next 12 months',
      security: [{ session: [] }],
      response: { 200: calendarSchema, 401: errorSchema },
    },
  }, async () => {
    const now = deps.clock.now();
    const { calendar } = deps;
    const closures = await closuresForCalendar(deps.db, deps.repos, calendar.timezone, now.getTime());
    const opening = nextAttendanceOpening(now, calendar, closures);
    return {
      timezone: calendar.timezone,
      weekly_hours: calendar.weeklyHours.map((shift) => ({ weekday: shift.weekday, open: shift.open, close: shift.close })),
      open_now: isAttendanceOpen(now, calendar, closures),
      next_opening: opening.toISOString(),
      next_opening_text: describeOpening(opening, now, calendar.timezone, deps.t),
      holidays: holidaysAhead(localDateOf(now, calendar.timezone), calendar).map((h) => ({ date: h.date, name: h.name, kind: h.kind, scope: h.scope, opens_at: h.opensAt, closes_at: h.closesAt })),
    };
  });
};
