import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, isLocalDateText, parseLocalDate, zonedInstant } from '../../../domain/calendar/index.js';
import { listVisibleRequests, requestAssignees, viewRequest, type ListRequestsFilter, type RequestViewer } from '../../../domain/requests/index.js';
import type { Place } from '../../../domain/places/index.js';
import { AppError } from '../../../platform/errors.js';
import { errorSchema } from '../schemas.js';
import { security, viewerOf, type RequestsRoutesDeps } from './deps.js';
import { requestError } from './errors.js';
import { presentDetail, presentSummary } from './presenters.js';
import { listQuery, protocolParams, requestDetailSchema, requestSummarySchema } from './schemas.js';

const badDate = () => new AppError('invalid_date', 'invalid_input', 'Informe as datas como AAAA-MM-DD ou data e hora ISO 8601.');

/** A day in the city counts whole: from its first millisecond, to its last. */
const instantOf = (text: string | undefined, edge: 'start' | 'end', timezone: string): number | undefined => {
  if (text === undefined) return undefined;
  if (isLocalDateText(text)) {
    const day = parseLocalDate(text);
    return edge === 'start' ? zonedInstant(day, 0, timezone).getTime() : zonedInstant(addDays(day, 1), 0, timezone).getTime() - 1;
  }
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms)) throw badDate();
  return ms;
};

const assigneeOf = (assignee: string | undefined, viewer: RequestViewer): number | null | undefined => {
  if (assignee === undefined) return undefined;
  if (assignee === 'none') return null;
  return assignee === 'me' ? viewer.id : Number(assignee);
};

/** The places asked for: by id, or every place of a region (both: those of the region among the ids). */
const placesOf = (query: z.infer<typeof listQuery>, places: readonly Place[]): string[] | undefined => {
  const ofRegion = query.region === undefined ? undefined : places.filter((place) => place.region === query.region).map((place) => place.id);
  if (!query.place) return ofRegion;
  return ofRegion ? query.place.filter((id) => ofRegion.includes(id)) : query.place;
};

const filterOf = (query: z.infer<typeof listQuery>, viewer: RequestViewer, city: RequestsRoutesDeps['city'], now: number): ListRequestsFilter => ({
  statuses: query.status,
  serviceCodes: query.service_code,
  departmentId: query.department,
  assigneeId: assigneeOf(query.assignee, viewer),
  priorities: query.priority,
  overdueAt: query.overdue === 'true' ? now : undefined,
  search: query.q,
  createdFrom: instantOf(query.created_from, 'start', city.calendar.timezone),
  createdTo: instantOf(query.created_to, 'end', city.calendar.timezone),
  placeIds: placesOf(query, city.places.places),
  primaryOnly: query.include_duplicates === 'false',
  beforeId: query.before,
  limit: query.limit,
});

/** The console's request lists and a request's page; each user sees only what their role and department allow. */
export const registerRequestReadRoutes = (app: FastifyInstance, deps: RequestsRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/requests', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['requests'],
      summary: 'Service requests, newest first, filtered and paged (users of a department see only its requests)',
      security,
      querystring: listQuery,
      response: { 200: z.object({ requests: z.array(requestSummarySchema), next_before: z.number().nullable() }), 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const viewer = viewerOf(request);
    const now = deps.clock.now().getTime();
    const listed = await listVisibleRequests(deps.db, deps.repos, viewer, filterOf(request.query, viewer, deps.city, now));
    if (!listed.ok) throw requestError(listed.error);
    return { requests: listed.value.requests.map((item) => presentSummary(deps.city, item, now)), next_before: listed.value.nextBeforeId ?? null };
  });

  api.get('/api/requests/:protocol', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['requests'],
      summary: 'One request with its full history, followers, linked reports and the citizen\'s feedback',
      security,
      params: protocolParams,
      response: { 200: z.object({ request: requestDetailSchema }), 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const view = await viewRequest(deps.db, deps.repos, viewerOf(request), request.params.protocol);
    if (!view) throw requestError({ code: 'not_found', kind: 'not_found', message: `no request ${request.params.protocol}` });
    return { request: presentDetail(deps.city, view, deps.clock.now().getTime()) };
  });

  api.get('/api/requests/:protocol/assignees', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['requests'],
      summary: 'Whom you may give the request to (coordinators: anyone of its department or of none; attendants: themselves)',
      security,
      params: protocolParams,
      response: { 200: z.object({ people: z.array(z.object({ id: z.number(), name: z.string(), department_id: z.string().nullable() })) }), 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const people = await requestAssignees(deps.db, deps.repos, viewerOf(request), request.params.protocol);
    if (!people) throw requestError({ code: 'not_found', kind: 'not_found', message: `no request ${request.params.protocol}` });
    return { people: people.map((person) => ({ id: person.id, name: person.name, department_id: person.departmentId })) };
  });
};
