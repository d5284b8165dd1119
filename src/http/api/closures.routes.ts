import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicUser } from '../../domain/attendants/users.js';
import { addClosure, MAX_REASON, removeClosure, upcomingClosures, type Closure } from '../../domain/closures/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface ClosuresRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  timezone: string;
  /** Any signed-in user may read the closures. */
  requireUser: onRequestAsyncHookHandler;
  /** Only coordinators and admins add or remove them. */
  requireCoordinator: onRequestAsyncHookHandler;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'AAAA-MM-DD');

const closureSchema = z.object({
  id: z.number(),
  first_day: day,
  last_day: day,
  reason: z.string(),
  created_by: z.number(),
  created_at: z.string().describe('ISO 8601'),
});

const present = (closure: Closure) => ({
  id: closure.id,
  first_day: closure.firstDay,
  last_day: closure.lastDay,
  reason: closure.reason,
  created_by: closure.createdBy,
  created_at: new Date(closure.createdAt).toISOString(),
});

/** Days a coordinator closes human attendance beyond holidays: the bot says when it reopens, deadlines skip them. */
export const registerClosuresRoutes = (app: FastifyInstance, deps: ClosuresRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];

  api.get('/api/closures', {
    onRequest: deps.requireUser,
    schema: { tags: ['calendar'], summary: 'Attendance closures that end today or later', security, response: { 200: z.object({ closures: z.array(closureSchema) }), 401: errorSchema } },
  }, async () => ({ closures: (await upcomingClosures(deps.db, deps.repos, deps.timezone, deps.clock.now().getTime())).map(present) }));

  api.post('/api/closures', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['calendar'],
      summary: 'Close human attendance on whole days (coordinators and admins)',
      security,
      body: z.object({ first_day: day, last_day: day.optional(), reason: z.string().max(MAX_REASON * 2) }),
      response: { 201: z.object({ closure: closureSchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const { first_day: firstDay, last_day: lastDay, reason } = request.body;
    const user = request.user as PublicUser;
    const added = await addClosure(deps.db, deps.repos, deps.timezone, { firstDay, lastDay, reason }, user.id, deps.clock.now().getTime());
    if (!added.ok) throw toAppError(added.error);
    request.log.info({ closure: added.value.id, by: user.id }, 'attendance closure added');
    return reply.status(201).send({ closure: present(added.value) });
  });

  api.delete('/api/closures/:id', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['calendar'],
      summary: 'Remove a closure (kept in the history as removed)',
      security,
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const user = request.user as PublicUser;
    const removed = await removeClosure(deps.db, deps.repos, request.params.id, user.id, deps.clock.now().getTime());
    if (!removed.ok) throw toAppError(removed.error);
    request.log.info({ closure: request.params.id, by: user.id }, 'attendance closure removed');
    return reply.status(204).send(null);
  });
};
