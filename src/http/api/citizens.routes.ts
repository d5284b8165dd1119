import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymiseCitizen, anonymisedAt, exportCitizen, findCitizens, openCitizenRecord, type CitizenRecord } from '../../domain/citizen-records/index.js';
import { departmentScope } from '../../domain/attendants/staff.js';
import { toAppError } from '../../domain/requests/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { MediaStore } from '../../storage/media-store.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';
import { viewerOf } from './viewer.js';

export interface CitizensRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  media: MediaStore;
  requireUser: onRequestAsyncHookHandler;
  requireAdmin: onRequestAsyncHookHandler;
}

const security = [{ session: [] }];
const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());
const keyParams = z.object({ key: z.string().min(1).max(200) });

const summarySchema = z.object({ key: z.string(), phone: z.string().nullable(), name: z.string().nullable(), profile_name: z.string().nullable(), last_message_at: z.string() });

const recordSchema = z.object({
  key: z.string(),
  phone: z.string().nullable(),
  name: z.string().nullable(),
  profile_name: z.string().nullable(),
  first_seen_at: z.string().nullable(),
  last_message_at: z.string().nullable(),
  place: z.object({ place_id: z.string().nullable(), text: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable() }).nullable(),
  consent: z.object({ status: z.enum(['accepted', 'declined', 'unanswered']), at: z.string().nullable(), notice: z.string().nullable() }),
  broadcast: z.object({ opted_in: z.boolean(), at: z.string().nullable(), source: z.string().nullable() }),
  requests: z.array(z.object({ protocol: z.string(), service_code: z.string(), status: z.string(), created_at: z.string(), department_id: z.string() })),
  conversations: z.array(z.object({ id: z.number(), department_id: z.string().nullable(), status: z.string(), attendant: z.string().nullable(), created_at: z.string(), closed_at: z.string().nullable() })),
  data_requests: z.array(z.object({ id: z.number(), kind: z.string(), status: z.string(), created_at: z.string() })),
  topics: z.array(z.string()).describe('Broadcast topics received now'),
  consents: z.array(z.object({ subject: z.string(), topic_id: z.string().nullable(), granted: z.boolean(), wording: z.string(), channel: z.string(), at: z.string() })).describe('Newest first'),
});

const presentRecord = ({ profile, requests, conversations, dataRequests, topics, consents }: CitizenRecord) => ({
  key: profile.key,
  phone: profile.waId || null,
  name: profile.name,
  profile_name: profile.profileName,
  first_seen_at: iso(profile.firstSeenAt),
  last_message_at: iso(profile.lastInboundAt),
  place: profile.place ? { place_id: profile.place.placeId, text: profile.place.text, latitude: profile.place.latitude, longitude: profile.place.longitude } : null,
  consent: { status: profile.consent.status, at: iso(profile.consent.at), notice: profile.consent.notice },
  broadcast: { opted_in: profile.broadcast.optedIn, at: iso(profile.broadcast.at), source: profile.broadcast.source },
  requests: requests.map((r) => ({ protocol: r.protocol, service_code: r.serviceCode, status: r.status, created_at: new Date(r.createdAt).toISOString(), department_id: r.departmentId })),
  conversations: conversations.map((c) => ({ id: Number(c.id), department_id: c.department_id, status: c.status, attendant: c.takenByName, created_at: new Date(Number(c.created_at)).toISOString(), closed_at: iso(c.closed_at === null ? null : Number(c.closed_at)) })),
  data_requests: dataRequests.map((d) => ({ id: d.id, kind: d.kind, status: d.status, created_at: new Date(d.createdAt).toISOString() })),
  topics,
  consents: consents.map((c) => ({ subject: c.subject, topic_id: c.topicId, granted: c.granted, wording: c.wording, channel: c.channel, at: new Date(c.at).toISOString() })),
});

const notFound = () => new AppError('citizen_not_found', 'not_found', 'Cidadão não encontrado.');

/** Citizens for staff: search, a citizen's record, and the LGPD export and anonymisation (admins, audited). */
export const registerCitizensRoutes = (app: FastifyInstance, deps: CitizensRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.clock.now().getTime();

  api.get('/api/citizens', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['citizens'],
      summary: 'Find citizens by phone (any form), protocol or part of a name (users of a department: only citizens who dealt with it)',
      security,
      querystring: z.object({ q: z.string().max(100) }),
      response: { 200: z.object({ citizens: z.array(summarySchema) }), 401: errorSchema },
    },
  }, async (request) => {
    const found = await findCitizens(deps.db, deps.repos, viewerOf(request), request.query.q);
    return { citizens: found.map((c) => ({ key: c.key, phone: c.waId, name: c.name, profile_name: c.profileName, last_message_at: new Date(c.lastInboundAt).toISOString() })) };
  });

  api.get('/api/citizens/:key', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['citizens'],
      summary: "A citizen's data, consents and opt-ins, requests (never anonymous ones), conversations and LGPD requests; citizen null and anonymised_at once their data was removed (users without a department)",
      security,
      params: keyParams,
      response: { 200: z.object({ citizen: recordSchema.nullable(), anonymised_at: z.string().nullable() }), 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const viewer = viewerOf(request);
    const record = await openCitizenRecord(deps.db, deps.repos, viewer, request.params.key, now());
    if (record) return { citizen: presentRecord(record), anonymised_at: null };
    const anonymised = departmentScope(viewer) === undefined ? await anonymisedAt(deps.db, deps.repos, request.params.key) : undefined;
    if (anonymised === undefined) throw notFound();
    return { citizen: null, anonymised_at: iso(anonymised) };
  });

  api.get('/api/citizens/:key/export', {
    onRequest: deps.requireAdmin,
    schema: { tags: ['citizens'], summary: 'LGPD: everything stored about the citizen, as a JSON download (admins; audited)', security, params: keyParams },
  }, async (request, reply) => {
    const exported = await exportCitizen(deps.db, deps.repos, viewerOf(request).id, request.params.key, now());
    if (!exported.ok) throw toAppError(exported.error);
    request.log.info({ by: viewerOf(request).id }, 'citizen data exported');
    const day = exported.value.exportedAt.slice(0, 10);
    return reply
      .header('content-disposition', `attachment; filename="dados-cidadao-${day}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(exported.value, null, 2));
  });

  api.post('/api/citizens/:key/anonymise', {
    onRequest: deps.requireAdmin,
    schema: {
      tags: ['citizens'],
      summary: "LGPD: remove the citizen's personal data for good; their requests stay without them (admins; audited)",
      security,
      params: keyParams,
      body: z.object({ confirm: z.string().max(20).describe('the last four digits of the number') }),
      response: { 200: z.object({ requests_kept: z.number(), media_deleted: z.number(), anonymised_at: z.string() }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const done = await anonymiseCitizen({ db: deps.db, repos: deps.repos, media: deps.media }, viewerOf(request).id, request.params.key, request.body.confirm, now());
    if (!done.ok) throw toAppError(done.error);
    request.log.info({ by: viewerOf(request).id, requestsKept: done.value.requestsKept }, 'citizen anonymised');
    return { requests_kept: done.value.requestsKept, media_deleted: done.value.mediaDeleted, anonymised_at: new Date(done.value.anonymisedAt).toISOString() };
  });
};
