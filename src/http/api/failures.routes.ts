import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicUser } from '../../domain/attendants/users.js';
import { channelStatus, listFailures, retryJob, retrySend, type RetryError } from '../../domain/operations/index.js';
import { toAppError, type Result } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface FailuresRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  requireAdmin: onRequestAsyncHookHandler;
  requireUser: onRequestAsyncHookHandler;
  /** Wakes the workers and the sender so a retried item runs at once. */
  onRetry: () => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** What gave up for good, for IT: dead jobs and refused messages, each retried by hand (admins; audited). */
export const registerFailuresRoutes = (app: FastifyInstance, deps: FailuresRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];

  api.get('/api/operations/failures', {
    onRequest: deps.requireAdmin,
    schema: {
      tags: ['operations'],
      summary: 'Jobs out of attempts and messages Meta refused (not broadcasts), newest first, 100 of each at most',
      security,
      response: {
        200: z.object({
          jobs: z.array(z.object({ id: z.number(), kind: z.string(), citizen: z.string().describe('last four digits'), attempts: z.number(), error: z.string(), created_at: z.string(), failed_at: z.string() })),
          sends: z.array(z.object({ id: z.number(), citizen: z.string(), message_type: z.string(), attempts: z.number(), error_code: z.number().nullable(), error: z.string(), created_at: z.string(), failed_at: z.string() })),
        }),
        401: errorSchema,
        403: errorSchema,
      },
    },
  }, async () => {
    const { jobs, sends } = await listFailures(deps.db, deps.repos);
    return {
      jobs: jobs.map((j) => ({ id: j.id, kind: j.kind, citizen: j.citizen, attempts: j.attempts, error: j.error, created_at: iso(j.createdAt), failed_at: iso(j.failedAt) })),
      sends: sends.map((s) => ({ id: s.id, citizen: s.citizen, message_type: s.messageType, attempts: s.attempts, error_code: s.errorCode, error: s.error, created_at: iso(s.createdAt), failed_at: iso(s.failedAt) })),
    };
  });

  api.get('/api/operations/channel', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['operations'],
      summary: 'Whether WhatsApp messages are going out: sending paused (token rejected), the Graph API failing, and what waits (every signed-in user: the console shows it as an alert)',
      security,
      response: {
        200: z.object({
          sending_paused: z.object({ code: z.number(), since: z.string() }).nullable(),
          graph_unavailable: z.object({ since: z.string() }).nullable(),
          waiting: z.object({ count: z.number(), oldest_since: z.string().nullable() }),
        }),
        401: errorSchema,
      },
    },
  }, async () => {
    const status = await channelStatus(deps.db, deps.repos);
    return {
      sending_paused: status.sendingPaused ? { code: status.sendingPaused.code, since: iso(status.sendingPaused.since) } : null,
      graph_unavailable: status.graphUnavailable ? { since: iso(status.graphUnavailable.since) } : null,
      waiting: { count: status.waiting.count, oldest_since: status.waiting.oldestSince === undefined ? null : iso(status.waiting.oldestSince) },
    };
  });

  const retryRoute = (path: string, summary: string, retry: (actor: number, id: number) => Promise<Result<void, RetryError>>) =>
    api.post(path, {
      onRequest: deps.requireAdmin,
      schema: { tags: ['operations'], summary, security, params: z.object({ id: z.coerce.number().int().positive() }), response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema } },
    }, async (request, reply) => {
      const done = await retry((request.user as PublicUser).id, request.params.id);
      if (!done.ok) throw toAppError(done.error);
      deps.onRetry();
      return reply.status(204).send(null);
    });

  retryRoute('/api/operations/jobs/:id/retry', 'Run a dead job again, with a fresh set of attempts', (actor, id) => retryJob(deps.db, deps.repos, actor, id, deps.clock.now().getTime()));
  retryRoute('/api/operations/sends/:id/retry', 'Send a refused message again', (actor, id) => retrySend(deps.db, deps.repos, actor, id, deps.clock.now().getTime()));
};
