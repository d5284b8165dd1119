import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicUser } from '../../domain/attendants/users.js';
import { MAX_NOTICE_BODY, MAX_NOTICE_TITLE, publishNotice, toNotice, withdrawNotice, type Notice } from '../../domain/notices/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface NoticesRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  topics: readonly string[];
  requireCoordinator: onRequestAsyncHookHandler;
}

const LISTED = 50;

const noticeSchema = z.object({
  id: z.number(),
  broadcast_id: z.number().nullable(),
  title: z.string(),
  body: z.string(),
  topics: z.array(z.string()),
  published_at: z.string(),
  withdrawn_at: z.string().nullable(),
});

const present = (n: Notice) => ({
  id: n.id,
  broadcast_id: n.broadcastId,
  title: n.title,
  body: n.body,
  topics: n.topics,
  published_at: new Date(n.publishedAt).toISOString(),
  withdrawn_at: n.withdrawnAt === null ? null : new Date(n.withdrawnAt).toISOString(),
});

/** The notices of the public page (/avisos): listed, published by hand and withdrawn by coordinators; audited. */
export const registerNoticesRoutes = (app: FastifyInstance, deps: NoticesRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const tags = ['broadcasts'];

  api.get('/api/notices', {
    onRequest: deps.requireCoordinator,
    schema: { tags, summary: 'The notices of the public page, newest first, withdrawn ones included', security, response: { 200: z.object({ notices: z.array(noticeSchema) }), 401: errorSchema, 403: errorSchema } },
  }, async () => ({ notices: (await deps.repos.notices.recent(deps.db, LISTED)).map(toNotice).map(present) }));

  api.post('/api/notices', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags,
      summary: 'Publish a notice on the public page only (no WhatsApp send)',
      security,
      body: z.object({ title: z.string().max(MAX_NOTICE_TITLE * 2), body: z.string().max(MAX_NOTICE_BODY * 2), topics: z.array(z.string().max(60)).max(10).default([]) }),
      response: { 201: z.object({ notice: noticeSchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const published = await publishNotice(deps.db, deps.repos, { ...request.body, actorUserId: (request.user as PublicUser).id }, deps.topics, deps.clock.now().getTime());
    if (!published.ok) throw toAppError(published.error);
    return reply.status(201).send({ notice: present(published.value) });
  });

  api.post('/api/notices/:id/withdraw', {
    onRequest: deps.requireCoordinator,
    schema: { tags, summary: 'Take a notice off the public page and feed', security, params: z.object({ id: z.coerce.number().int().positive() }), response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema } },
  }, async (request, reply) => {
    const withdrawn = await withdrawNotice(deps.db, deps.repos, request.params.id, (request.user as PublicUser).id, deps.clock.now().getTime());
    if (!withdrawn.ok) throw toAppError(withdrawn.error);
    return reply.status(204).send(null);
  });
};
