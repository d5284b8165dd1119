import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { previousRange, reportSummary, type ReportCity, type Summary } from '../../domain/reports/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { reportRange, todayIn } from './report-range.js';
import { summaryCsv } from './reports-csv.js';
import { errorSchema } from './schemas.js';

export interface ReportsRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  city: ReportCity;
  requireUser: onRequestAsyncHookHandler;
}

const counts = z.record(z.string(), z.number());
const duration = z.object({ count: z.number(), average_minutes: z.number().nullable().describe('Minutes of office hours') });

const figuresSchema = z.object({
  messages_received: z.number(),
  messages_sent: z.number(),
  citizens: z.number().describe('Citizens who wrote for the first time in the period'),
  requests_opened: z.number(),
  requests_closed: z.number(),
});

export const summarySchema = figuresSchema.extend({
  from: z.string(),
  to: z.string(),
  messages_inside_hours: z.number(),
  messages_outside_hours: z.number(),
  by_service: counts.describe("Messages by subject: service code, '-' for none"),
  by_group: counts,
  by_department: counts,
  by_state: counts.describe("Brazilian numbers by state (UF from the DDD; '?' unknown)"),
  by_country: counts.describe("Every number by country (ISO 3166; '?' unknown)"),
  by_day: z.array(z.object({ day: z.string(), received: z.number(), sent: z.number() })),
  citizens_registered: z.number().describe('Now, whatever the period'),
  citizens_opted_in: z.number().describe('Now, whatever the period'),
  first_response: duration.describe("From asking for a person to an attendant's first answer, answers given in the period"),
  requests: z.object({
    backlog: z.number().describe('Open now'),
    on_time_rate: z.number().nullable().describe('Of those closed in the period with a deadline, the share closed by it'),
    by_service: counts,
    by_department: counts,
    closed_by_status: counts,
    top_places: z.array(z.object({ place_id: z.string(), name: z.string(), n: z.number() })),
    resolution: duration.describe('From opening to closing, requests closed in the period'),
    ratings: z.object({ count: z.number(), average: z.number().nullable() }),
  }),
  previous: figuresSchema.extend({ from: z.string(), to: z.string() }).describe('The same figures for the period of the same length just before'),
});
export type SummaryBody = z.infer<typeof summarySchema>;

const figures = (s: Summary) => ({
  messages_received: s.messagesReceived,
  messages_sent: s.messagesSent,
  citizens: s.citizensNew,
  requests_opened: s.requests.opened,
  requests_closed: s.requests.closed,
});

const present = (s: Summary, previous: Summary): SummaryBody => ({
  from: s.range.from,
  to: s.range.to,
  ...figures(s),
  messages_inside_hours: s.insideHours,
  messages_outside_hours: s.outsideHours,
  by_service: s.byService,
  by_group: s.byGroup,
  by_department: s.byDepartment,
  by_state: s.byState,
  by_country: s.byCountry,
  by_day: s.byDay,
  citizens_registered: s.citizensRegistered,
  citizens_opted_in: s.citizensOptedIn,
  first_response: { count: s.firstResponse.count, average_minutes: s.firstResponse.averageMinutes },
  requests: {
    backlog: s.requests.backlog,
    on_time_rate: s.requests.onTimeRate,
    by_service: s.requests.byService,
    by_department: s.requests.byDepartment,
    closed_by_status: s.requests.closedByStatus,
    top_places: s.requests.topPlaces.map((p) => ({ place_id: p.placeId, name: p.name, n: p.n })),
    resolution: { count: s.requests.resolution.count, average_minutes: s.requests.resolution.averageMinutes },
    ratings: s.requests.ratings,
  },
  previous: { from: previous.range.from, to: previous.range.to, ...figures(previous) },
});

/** The coordinators' figures for a period, as JSON or CSV; no personal data. */
export const registerReportsRoutes = (app: FastifyInstance, deps: ReportsRoutesDeps): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/reports/summary', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['reports'],
      summary: 'Messages (by subject, state, hours), citizens and requests of a period, with the period before',
      security: [{ session: [] }],
      querystring: z.object({
        from: z.string().optional().describe('YYYY-MM-DD in the city; default 30 days before `to`'),
        to: z.string().optional().describe('YYYY-MM-DD in the city, included; default today'),
        format: z.enum(['json', 'csv']).default('json'),
      }),
      response: { 200: z.union([summarySchema, z.string().describe('format=csv: figure,key,value rows')]), 400: errorSchema, 401: errorSchema },
    },
  }, async (request, reply) => {
    const range = reportRange(request.query, todayIn(deps.clock, deps.city.timezone), 30);
    const [summary, previous] = await Promise.all([
      reportSummary(deps.db, deps.repos, deps.city, range),
      reportSummary(deps.db, deps.repos, deps.city, previousRange(range)),
    ]);
    const body = present(summary, previous);
    if (request.query.format === 'csv') {
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="resumo-${range.from}-a-${range.to}.csv"`)
        .send(summaryCsv(body));
    }
    return body;
  });
};
