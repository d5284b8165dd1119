import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  audienceOptions,
  broadcastDetail,
  broadcastFailures,
  controlBroadcast,
  countAudience,
  createBroadcast,
  listBroadcasts,
  type BroadcastCity,
  type BroadcastControl,
  type BuildBroadcastMessage,
} from '../../domain/broadcasts/index.js';
import { toAppError } from '../../domain/requests/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { audienceOptionsSchema, audienceSchema, detailSchema, failureSchema, newBroadcastSchema, presentDetail, presentFailure, presentSummary, summarySchema } from './broadcasts.schemas.js';
import { errorSchema } from './schemas.js';
import { viewerOf } from './viewer.js';

export interface BroadcastsRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  city: BroadcastCity;
  buildMessage: BuildBroadcastMessage;
  /** A broadcast was created or controlled: the runner acts now and consoles refresh. */
  onChange: () => void;
  requireUser: onRequestAsyncHookHandler;
  requireCoordinator: onRequestAsyncHookHandler;
}

const idParams = z.object({ id: z.coerce.number().int().positive() });
const notFound = (): AppError => new AppError('not_found', 'not_found', 'Aviso não encontrado.');
const CONTROL_SUMMARIES: Record<BroadcastControl, string> = {
  pause: 'Pause a broadcast; messages not yet sent wait (coordinators)',
  resume: 'Resume a paused broadcast (coordinators)',
  cancel: 'Cancel a broadcast; messages not yet sent are never sent (coordinators)',
};

/** Broadcasts (CONTRACT.md): create with a dry-run count first, follow the figures, pause, resume or cancel. */
export const registerBroadcastsRoutes = (app: FastifyInstance, deps: BroadcastsRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const tags = ['broadcasts'];
  const now = () => deps.clock.now().getTime();
  const read = { db: deps.db, repos: deps.repos, timezone: deps.city.timezone };
  const detailOf = async (id: number) => {
    const detail = await broadcastDetail(read, id, now());
    if (!detail) throw notFound();
    return presentDetail(detail);
  };

  api.get('/api/broadcasts/audience-options', {
    onRequest: deps.requireUser,
    schema: { tags, summary: 'The topics, neighbourhoods and regions an audience is chosen from', security, response: { 200: audienceOptionsSchema, 401: errorSchema } },
  }, async () => audienceOptions(deps.city));

  api.post('/api/broadcasts/dry-run', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags, summary: 'How many opted-in citizens an audience reaches now; sends nothing (coordinators)', security,
      body: z.object({ audience: audienceSchema }),
      response: { 200: z.object({ count: z.number() }), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request) => {
    const counted = await countAudience(deps, request.body.audience);
    if (!counted.ok) throw toAppError(counted.error);
    return { count: counted.value };
  });

  api.post('/api/broadcasts', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags, summary: 'Send an approved template to every opted-in citizen of an audience, now or at send_at (coordinators)', security,
      body: newBroadcastSchema,
      response: { 201: z.object({ id: z.number() }), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const { title, template, audience, header_media_url: headerMediaUrl, send_at: sendAt } = request.body;
    const input = { title, template: { ...template, parameters: template.parameters ?? [] }, audience, headerMediaUrl, sendAt: sendAt === undefined ? undefined : Date.parse(sendAt) };
    const created = await createBroadcast(deps, viewerOf(request), input, now());
    if (!created.ok) throw toAppError(created.error);
    deps.onChange();
    return reply.status(201).send(created.value);
  });

  api.get('/api/broadcasts', {
    onRequest: deps.requireUser,
    schema: { tags, summary: 'Broadcasts with their figures, newest first', security, response: { 200: z.object({ broadcasts: z.array(summarySchema) }), 401: errorSchema } },
  }, async () => ({ broadcasts: (await listBroadcasts(read)).map(presentSummary) }));

  api.get('/api/broadcasts/:id', {
    onRequest: deps.requireUser,
    schema: { tags, summary: 'One broadcast: figures, failures by reason, rate and time left', security, params: idParams, response: { 200: detailSchema, 401: errorSchema, 404: errorSchema } },
  }, async (request) => detailOf(request.params.id));

  api.get('/api/broadcasts/:id/failures', {
    onRequest: deps.requireUser,
    schema: {
      tags, summary: 'Recipients whose message failed, newest first; pass next_before as before for the next page', security, params: idParams,
      querystring: z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ failures: z.array(failureSchema), next_before: z.number().nullable() }), 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const page = await broadcastFailures(read, request.params.id, request.query.before, request.query.limit);
    if (!page) throw notFound();
    return { failures: page.failures.map(presentFailure), next_before: page.nextBefore };
  });

  for (const control of ['pause', 'resume', 'cancel'] as const) {
    api.post(`/api/broadcasts/:id/${control}`, {
      onRequest: deps.requireCoordinator,
      schema: { tags, summary: CONTROL_SUMMARIES[control], security, params: idParams, response: { 200: detailSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } },
    }, async (request) => {
      const done = await controlBroadcast(deps, viewerOf(request), request.params.id, control, now());
      if (!done.ok) throw toAppError(done.error);
      deps.onChange();
      return detailOf(request.params.id);
    });
  }
};
