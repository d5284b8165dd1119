import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntries } from '../../domain/audit/index.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface AuditRoutesDeps {
  db: Db;
  repos: Repositories;
  requireAdmin: onRequestAsyncHookHandler;
}

const MAX_PAGE = 100;

/** The audit log for admins: who exported or anonymised a citizen, managed users, issued keys. */
export const registerAuditRoutes = (app: FastifyInstance, deps: AuditRoutesDeps): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    onRequest: deps.requireAdmin,
    schema: {
      tags: ['audit'],
      summary: 'Audit log entries, newest first (admins)',
      security: [{ session: [] }],
      querystring: z.object({
        subject_type: z.string().max(50).optional(),
        subject_id: z.string().max(100).optional(),
        before: z.coerce.number().int().positive().optional().describe('next_before of the previous page'),
        limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional(),
      }),
      response: {
        200: z.object({
          entries: z.array(z.object({ id: z.number(), at: z.string(), actor: z.object({ id: z.number(), name: z.string().nullable() }).nullable(), action: z.string(), subject_type: z.string(), subject_id: z.string(), details: z.record(z.string(), z.unknown()) })),
          next_before: z.number().nullable(),
        }),
        401: errorSchema,
        403: errorSchema,
      },
    },
  }, async (request) => {
    const { subject_type: type, subject_id: id, before, limit = 50 } = request.query;
    const entries = await auditEntries(deps.db, deps.repos, { subjectType: type, subjectId: id, beforeId: before, limit: limit + 1 });
    const page = entries.slice(0, limit);
    const actors = new Map((await deps.repos.users.byIds(deps.db, page.flatMap((e) => (e.actorUserId === null ? [] : [e.actorUserId])))).map((u) => [Number(u.id), u.name]));
    return {
      entries: page.map((entry) => ({
        id: entry.id,
        at: new Date(entry.at).toISOString(),
        actor: entry.actorUserId === null ? null : { id: entry.actorUserId, name: actors.get(entry.actorUserId) ?? null },
        action: entry.action,
        subject_type: entry.subject.type,
        subject_id: entry.subject.id,
        details: entry.details,
      })),
      next_before: entries.length > limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
};
