import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Department } from '../../domain/catalog/index.js';
import { addCannedReply, listCannedReplies, MAX_CANNED_BODY, MAX_CANNED_TITLE, removeCannedReply, type CannedReply } from '../../domain/inbox/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';
import { viewerOf } from './viewer.js';

export interface CannedRepliesRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  profileReplies: ReadonlyArray<{ title: string; body: string }>;
  departments: readonly Department[];
  requireUser: onRequestAsyncHookHandler;
}

const replySchema = z.object({ id: z.string(), title: z.string(), body: z.string(), department_id: z.string().nullable(), fixed: z.boolean() });
const present = (reply: CannedReply) => ({ id: reply.id, title: reply.title, body: reply.body, department_id: reply.departmentId, fixed: reply.fixed });

/** Ready answers for the inbox: the city profile's, and those coordinators write for everyone or one department. */
export const registerCannedRepliesRoutes = (app: FastifyInstance, deps: CannedRepliesRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];

  api.get('/api/canned-replies', {
    onRequest: deps.requireUser,
    schema: { tags: ['inbox'], summary: "Ready answers for the user's queues", security, response: { 200: z.object({ replies: z.array(replySchema) }), 401: errorSchema } },
  }, async (request) => ({
    replies: (await listCannedReplies(deps.db, deps.repos, deps.profileReplies, viewerOf(request))).map(present),
  }));

  api.post('/api/canned-replies', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['inbox'],
      summary: 'Add a ready answer, for everyone or one department (coordinators)',
      security,
      body: z.object({ title: z.string().max(MAX_CANNED_TITLE * 2), body: z.string().max(MAX_CANNED_BODY * 2), department_id: z.string().max(100).nullable().optional() }),
      response: { 201: z.object({ reply: replySchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const viewer = viewerOf(request);
    const { title, body, department_id: departmentId } = request.body;
    const added = await addCannedReply(deps.db, deps.repos, deps.departments, viewer, { title, body, departmentId }, deps.clock.now().getTime());
    if (!added.ok) throw toAppError(added.error);
    return reply.status(201).send({ reply: present(added.value) });
  });

  api.delete('/api/canned-replies/:id', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['inbox'],
      summary: 'Remove a ready answer a coordinator added',
      security,
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const removed = await removeCannedReply(deps.db, deps.repos, viewerOf(request), request.params.id, deps.clock.now().getTime());
    if (!removed.ok) throw toAppError(removed.error);
    return reply.status(204).send(null);
  });
};
