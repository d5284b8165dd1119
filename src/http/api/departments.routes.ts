import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CityProfile } from '../../config/city-profile.js';
import { seesDepartment } from '../../domain/attendants/staff.js';
import { formatLocalDate, isLocalDateText, localDateOf } from '../../domain/calendar/index.js';
import { departmentLabel, departmentsActiveOn } from '../../domain/catalog/index.js';
import { departmentDaySummary } from '../../domain/requests/index.js';
import { departmentsOverview, type DepartmentCard } from '../../domain/departments/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';
import { viewerOf } from './viewer.js';

export interface DepartmentsRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  city: Pick<CityProfile, 'departments' | 'calendar' | 'catalog'>;
  requireUser: onRequestAsyncHookHandler;
}

const departmentSchema = z.object({ id: z.string(), name: z.string(), short_name: z.string(), acronym: z.string() });

const summarySchema = z.object({
  department_id: z.string(),
  day: z.string(),
  opened: z.number(),
  opened_by_service: z.record(z.string(), z.number()),
  closed_by_status: z.record(z.string(), z.number()),
  open_now: z.number(),
  overdue_now: z.number(),
  overdue: z.array(z.object({ protocol: z.string(), service_code: z.string(), status: z.string(), due_at: z.string(), days_late: z.number() })),
  ratings: z.object({ count: z.number(), average: z.number().nullable() }),
});

const cardSchema = departmentSchema.extend({
  valid_from: z.string().nullable(),
  replaced: z.array(z.object({ id: z.string(), name: z.string(), valid_to: z.string().nullable() })).describe('Departments whose work it took over'),
  services: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['request', 'information']), phone_line: z.string().nullable() })),
  people: z.array(z.object({ id: z.number(), name: z.string(), role: z.string(), disabled: z.boolean() })),
  open_now: z.number(),
  overdue_now: z.number(),
  waiting_now: z.number().describe('Citizens waiting for a person in its inbox queue'),
});

const presentCard = (card: DepartmentCard) => ({
  id: card.department.id,
  name: card.label,
  short_name: card.department.shortName,
  acronym: card.department.acronym,
  valid_from: card.department.validFrom,
  replaced: card.replaced.map((d) => ({ id: d.id, name: d.name, valid_to: d.validTo })),
  services: card.services.map((s) => ({ code: s.code, name: s.name, kind: s.kind, phone_line: s.phoneLine })),
  people: card.people,
  open_now: card.openNow,
  overdue_now: card.overdueNow,
  waiting_now: card.waiting,
});

/** The departments of today, and each one's day: what it opened and closed, and what is late now. */
export const registerDepartmentsRoutes = (app: FastifyInstance, deps: DepartmentsRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const today = () => formatLocalDate(localDateOf(deps.clock.now(), deps.city.calendar.timezone));

  api.get('/api/departments', {
    onRequest: deps.requireUser,
    schema: { tags: ['departments'], summary: 'The departments in force today', security, response: { 200: z.object({ departments: z.array(departmentSchema) }), 401: errorSchema } },
  }, async () => ({
    departments: departmentsActiveOn(deps.city.departments, today()).map((d) => ({ id: d.id, name: departmentLabel(d), short_name: d.shortName, acronym: d.acronym })),
  }));

  api.get('/api/departments/overview', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['departments'],
      summary: 'Each department in force (those the user may see): its services, people and load now; and former ones',
      security,
      response: {
        200: z.object({
          departments: z.array(cardSchema),
          former: z.array(z.object({ id: z.string(), name: z.string(), valid_from: z.string().nullable(), valid_to: z.string().nullable(), successor: z.object({ id: z.string(), name: z.string() }).nullable() })),
        }),
        401: errorSchema,
      },
    },
  }, async (request) => {
    const overview = await departmentsOverview(deps.db, deps.repos, {
      departments: deps.city.departments,
      catalog: deps.city.catalog,
      viewer: viewerOf(request),
      today: today(),
      now: deps.clock.now().getTime(),
    });
    return {
      departments: overview.current.map(presentCard),
      former: overview.former.map(({ department, label, successor }) => ({
        id: department.id,
        name: label,
        valid_from: department.validFrom,
        valid_to: department.validTo,
        successor: successor ? { id: successor.id, name: departmentLabel(successor) } : null,
      })),
    };
  });

  api.get('/api/departments/:id/summary', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['departments'],
      summary: "A department's day: opened by service, closed by outcome, open and overdue now, ratings",
      security,
      params: z.object({ id: z.string().max(100) }),
      querystring: z.object({ day: z.string().optional().describe('YYYY-MM-DD in the city; default today') }),
      response: { 200: summarySchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const { id } = request.params;
    const day = request.query.day ?? today();
    if (!isLocalDateText(day)) throw new AppError('summary.invalid_day', 'invalid_input', 'Informe o dia no formato AAAA-MM-DD.');
    // A user of one department sees only its own; an unknown department is not found either way.
    const known = deps.city.departments.some((d) => d.id === id);
    if (!known || !seesDepartment(viewerOf(request), id)) throw new AppError('department.not_found', 'not_found', 'Secretaria não encontrada.');
    const summary = await departmentDaySummary(deps.db, deps.repos, { departmentId: id, day, timezone: deps.city.calendar.timezone }, deps.clock.now().getTime());
    return {
      department_id: summary.departmentId,
      day: summary.day,
      opened: summary.opened,
      opened_by_service: summary.openedByService,
      closed_by_status: summary.closedByStatus,
      open_now: summary.openNow,
      overdue_now: summary.overdueNow,
      overdue: summary.overdue.map((o) => ({ protocol: o.protocol, service_code: o.serviceCode, status: o.status, due_at: new Date(o.dueAt).toISOString(), days_late: o.daysLate })),
      ratings: summary.ratings,
    };
  });
};
