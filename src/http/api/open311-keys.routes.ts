import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicUser } from '../../domain/attendants/users.js';
import { issueApiKey, listApiKeys, MAX_LABEL, revokeApiKey, type ApiKeyInfo } from '../../domain/open311/index.js';
import { toAppError } from '../../domain/requests/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface Open311KeyRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  /** Keys open the city's request intake to outside systems: only admins issue, see and revoke them. */
  requireAdmin: onRequestAsyncHookHandler;
}

const keySchema = z.object({
  id: z.number(),
  label: z.string(),
  created_by: z.number(),
  created_at: z.string().describe('ISO 8601'),
  revoked_at: z.string().nullable().describe('ISO 8601; null while the key works'),
});

const present = (key: ApiKeyInfo) => ({
  id: key.id,
  label: key.label,
  created_by: key.createdBy,
  created_at: new Date(key.createdAt).toISOString(),
  revoked_at: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
});

/** Console routes for the API keys Open311 clients need to create requests. */
export const registerOpen311KeyRoutes = (app: FastifyInstance, deps: Open311KeyRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const { requireAdmin } = deps;

  api.post('/api/open311/keys', {
    onRequest: requireAdmin,
    schema: {
      tags: ['open311'],
      summary: 'Issue an Open311 API key (admins); the plain key is returned only in this answer',
      security,
      body: z.object({ label: z.string().max(MAX_LABEL * 2).describe('Who the key is for, e.g. "FixMyStreet Palmas"') }),
      response: { 201: z.object({ key: keySchema.extend({ api_key: z.string().describe('Shown once; only its hash is stored') }) }), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const user = request.user as PublicUser;
    const issued = await issueApiKey(deps.db, deps.repos, { label: request.body.label, createdBy: user.id }, deps.clock.now().getTime());
    if (!issued.ok) throw toAppError(issued.error);
    request.log.info({ key: issued.value.id, by: user.id }, 'Open311 API key issued');
    return reply.status(201).send({ key: { ...present(issued.value), api_key: issued.value.key } });
  });

  api.get('/api/open311/keys', {
    onRequest: requireAdmin,
    schema: { tags: ['open311'], summary: 'Open311 API keys issued, revoked ones included (never the keys themselves)', security, response: { 200: z.object({ keys: z.array(keySchema) }), 401: errorSchema, 403: errorSchema } },
  }, async () => ({ keys: (await listApiKeys(deps.db, deps.repos)).map(present) }));

  api.delete('/api/open311/keys/:id', {
    onRequest: requireAdmin,
    schema: {
      tags: ['open311'],
      summary: 'Revoke an Open311 API key; POSTs with it are refused from now on',
      security,
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const revoked = await revokeApiKey(deps.db, deps.repos, request.params.id, (request.user as PublicUser).id, deps.clock.now().getTime());
    if (!revoked) throw new AppError('open311.key_not_found', 'not_found', 'Chave não encontrada ou já revogada.');
    request.log.info({ key: request.params.id, by: request.user?.id }, 'Open311 API key revoked');
    return reply.status(204).send(null);
  });
};
