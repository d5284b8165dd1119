import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { confirmTwoStep, startTwoStep, turnOffTwoStep, twoStepStatus } from '../../domain/attendants/two-step.js';
import type { PublicUser } from '../../domain/attendants/users.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface TwoStepRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  requireUser: onRequestAsyncHookHandler;
}

const security = [{ session: [] }];
/**
 * Password and code guesses by a signed-in user: ten a minute per user (not per address: a whole office behind one
 * address may turn it on at the same time). Counted after the session check.
 */
const throttle = { rateLimit: { max: 10, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: (request: FastifyRequest) => `user:${request.user?.id ?? request.ip}` } };
const codeSchema = z.string().trim().min(1, 'Informe o código.').max(40);

/** A signed-in user's own two-step verification (TOTP): turning it on with an app, seeing it, turning it off. */
export const registerTwoStepRoutes = (app: FastifyInstance, deps: TwoStepRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.clock.now().getTime();
  const userOf = (request: { user?: PublicUser }) => request.user as PublicUser;

  api.get('/api/auth/two-step', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['auth'],
      summary: 'Whether your two-step verification is on, and how many recovery codes are left',
      security,
      response: { 200: z.object({ enabled: z.boolean(), enabled_at: z.string().nullable(), recovery_codes_left: z.number() }), 401: errorSchema },
    },
  }, async (request) => {
    const status = await twoStepStatus(deps.db, deps.repos, userOf(request).id);
    return { enabled: status.enabled, enabled_at: status.enabledAt === null ? null : new Date(status.enabledAt).toISOString(), recovery_codes_left: status.recoveryCodesLeft };
  });

  api.post('/api/auth/two-step/setup', {
    onRequest: deps.requireUser,
    config: throttle,
    schema: {
      tags: ['auth'],
      summary: 'Start turning two-step on (your password is asked again): a new secret for the authenticator app, shown this once; a code confirms it',
      security,
      body: z.object({ password: z.string().min(1).max(400) }),
      response: { 200: z.object({ secret: z.string(), otpauth_uri: z.string() }), 400: errorSchema, 401: errorSchema, 409: errorSchema },
    },
  }, async (request) => {
    const started = await startTwoStep(deps.db, deps.repos, userOf(request).id, request.body.password);
    if (!started.ok) throw toAppError(started.error);
    return { secret: started.value.secret, otpauth_uri: started.value.otpauthUri };
  });

  api.post('/api/auth/two-step/confirm', {
    onRequest: deps.requireUser,
    config: throttle,
    schema: {
      tags: ['auth'],
      summary: 'Turn two-step on with a current code from the app; answers the recovery codes, this once',
      security,
      body: z.object({ code: codeSchema }),
      response: { 200: z.object({ recovery_codes: z.array(z.string()) }), 400: errorSchema, 401: errorSchema, 409: errorSchema },
    },
  }, async (request) => {
    const confirmed = await confirmTwoStep(deps.db, deps.repos, userOf(request).id, request.body.code, now());
    if (!confirmed.ok) throw toAppError(confirmed.error);
    request.log.info({ user: userOf(request).id }, 'two-step verification turned on');
    return { recovery_codes: confirmed.value.recoveryCodes };
  });

  api.post('/api/auth/two-step/disable', {
    onRequest: deps.requireUser,
    config: throttle,
    schema: {
      tags: ['auth'],
      summary: 'Turn your two-step off: your password and a current code (or a recovery code) are asked',
      security,
      body: z.object({ password: z.string().min(1).max(400), code: codeSchema }),
      response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 409: errorSchema },
    },
  }, async (request, reply) => {
    const turnedOff = await turnOffTwoStep(deps.db, deps.repos, { userId: userOf(request).id, password: request.body.password, code: request.body.code }, now());
    if (!turnedOff.ok) throw toAppError(turnedOff.error);
    request.log.info({ user: userOf(request).id }, 'two-step verification turned off by its owner');
    return reply.status(204).send(null);
  });
};
