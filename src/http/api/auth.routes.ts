import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from './schemas.js';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { SESSION_TTL_MS, signOut, userForSession } from '../../domain/attendants/sessions.js';
import { beginSignIn, finishSignIn, pendingSignInEmail } from '../../domain/attendants/two-step-sign-in.js';
import { ROLES, type PublicUser, type Role } from '../../domain/attendants/users.js';
import { changeOwnPassword } from '../../domain/attendants/change-password.js';
import { PASSWORD_MAX } from '../../domain/attendants/password-policy.js';
import { toAppError } from '../../domain/requests/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

export const SESSION_COOKIE = 'wp_session';

declare module 'fastify' {
  interface FastifyRequest {
    user?: PublicUser;
  }
}

export interface AuthDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  cookieSecure: boolean;
}

const userSchema = z.object({ id: z.number(), email: z.string(), name: z.string(), role: z.enum(ROLES) });
/** The console limits what it shows to the user's department (null: every department). */
const meSchema = userSchema.extend({
  department_id: z.string().nullable(),
  must_change_password: z.boolean().describe('Signed in with a password someone else chose: set your own (POST /api/auth/password) before anything else'),
});

/** Lets any signed-in user through (401 otherwise), even one who must still set their own password. */
const requireSession = (deps: AuthDeps) => async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
  const token = request.cookies[SESSION_COOKIE];
  const user = token ? await userForSession(deps.db, deps.repos, token, deps.clock.now().getTime()) : undefined;
  if (!user) throw new AppError('auth.required', 'unauthenticated', 'Faça login para continuar.');
  request.user = user;
};

/**
 * A hook (onRequest: before the body is read or validated) that lets only signed-in users through (401 otherwise) and
 * puts the user on the request; 403 while they still use a password someone else chose.
 */
export const requireUser = (deps: AuthDeps) => {
  const session = requireSession(deps);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await session(request, reply);
    if (request.user?.mustChangePassword) throw new AppError('auth.password_change_required', 'forbidden', 'Defina a sua própria senha para continuar.');
  };
};

/** Like `requireUser`, and then 403 unless the user has one of `roles`. */
export const requireRole = (deps: AuthDeps, roles: readonly Role[]) => {
  const signedIn = requireUser(deps);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    await signedIn(request, reply);
    if (!request.user || !roles.includes(request.user.role)) throw new AppError('auth.forbidden', 'forbidden', 'Seu perfil não permite esta ação.');
  };
};

const emailOf = (body: unknown): string => {
  const email = typeof body === 'object' && body !== null && 'email' in body ? body.email : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

const pendingTokenOf = (body: unknown): string => {
  const token = typeof body === 'object' && body !== null && 'pending_token' in body ? body.pending_token : undefined;
  return typeof token === 'string' ? token : '';
};

/**
 * The sign-in throttle, for passwords and two-step codes alike: ten tries a minute per address *and* account, so
 * guessing one account is slowed down while a city hall's staff behind one public address (or one reverse proxy) can
 * still all sign in at 13:30. Counted once the body is read.
 */
const signInThrottle = (accountOf: (request: FastifyRequest) => string | Promise<string>): RateLimitOptions => ({
  max: 10,
  timeWindow: '1 minute',
  hook: 'preHandler',
  keyGenerator: async (request) => `${request.ip}|${await accountOf(request)}`,
});

/**
 * The same account from every address together: a slow guess spread over many addresses (a botnet) still meets a
 * wall, at a pace no person signing in ever reaches. It can make the owner wait up to 15 minutes while an attack
 * lasts; that is the price of not letting the guessing go on.
 */
const accountThrottle = (app: FastifyInstance, accountOf: (request: FastifyRequest) => string | Promise<string>) => {
  // createRateLimit, not rateLimit: the plugin runs one of its own hooks per request, and the address limit is one.
  const countTry = app.createRateLimit({ max: 30, timeWindow: '15 minutes', keyGenerator: async (request) => `account|${await accountOf(request)}` });
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const counted = await countTry(request);
    if (counted.isAllowed || !counted.isExceeded) return;
    reply.header('retry-after', counted.ttlInSeconds);
    throw Object.assign(new Error('too many sign-in attempts for this account'), { statusCode: 429 });
  };
};

const setSessionCookie = (reply: FastifyReply, token: string, secure: boolean): void => {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: SESSION_TTL_MS / 1000 });
};

const codeNeededSchema = z.object({
  two_step_required: z.literal(true),
  pending_token: z.string().describe('send it with the code to POST /api/auth/login/code'),
  expires_at: z.string(),
});

export const registerAuthRoutes = (app: FastifyInstance, deps: AuthDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const loginEmail = (request: FastifyRequest) => emailOf(request.body);
  const pendingEmail = async (request: FastifyRequest) => (await pendingSignInEmail(deps.db, deps.repos, pendingTokenOf(request.body), deps.clock.now().getTime())) ?? '';

  api.post('/api/auth/login', {
    config: { rateLimit: signInThrottle(loginEmail) },
    preHandler: accountThrottle(app, loginEmail),
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets the session cookie, or answers 202 when a two-step code is needed',
      body: z.object({ email: z.string().min(1), password: z.string().min(1) }),
      response: { 200: z.object({ user: userSchema }), 202: codeNeededSchema, 401: errorSchema },
    },
  }, async (request, reply) => {
    const step = await beginSignIn(deps.db, deps.repos, request.body.email, request.body.password, deps.clock.now().getTime());
    if (step.kind === 'code_needed') return reply.status(202).send({ two_step_required: true, pending_token: step.pendingToken, expires_at: new Date(step.expiresAt).toISOString() });
    setSessionCookie(reply, step.session.token, deps.cookieSecure);
    return { user: step.session.user };
  });

  api.post('/api/auth/login/code', {
    config: { rateLimit: signInThrottle(pendingEmail) },
    preHandler: accountThrottle(app, pendingEmail),
    schema: {
      tags: ['auth'],
      summary: 'Finish a two-step sign-in with a code from the app or a recovery code; sets the session cookie',
      body: z.object({ pending_token: z.string().min(1).max(100), code: z.string().min(1).max(40) }),
      response: { 200: z.object({ user: userSchema }), 401: errorSchema },
    },
  }, async (request, reply) => {
    const session = await finishSignIn(deps.db, deps.repos, request.body.pending_token, request.body.code, deps.clock.now().getTime());
    setSessionCookie(reply, session.token, deps.cookieSecure);
    return { user: session.user };
  });

  api.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(deps.db, deps.repos, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  api.get('/api/auth/me', {
    onRequest: requireSession(deps),
    schema: { tags: ['auth'], summary: 'The signed-in user', security: [{ session: [] }], response: { 200: z.object({ user: meSchema }), 401: errorSchema } },
  }, async (request) => {
    const user = request.user as PublicUser;
    return { user: { ...user, department_id: user.departmentId, must_change_password: user.mustChangePassword } };
  });

  api.post('/api/auth/password', {
    onRequest: requireSession(deps),
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Set your own password (the current one is asked again); your other sessions end',
      security: [{ session: [] }],
      body: z.object({ current_password: z.string().min(1).max(PASSWORD_MAX), new_password: z.string().min(1).max(PASSWORD_MAX * 2) }),
      response: { 204: z.null(), 400: errorSchema, 401: errorSchema },
    },
  }, async (request, reply) => {
    const user = request.user as PublicUser;
    const changed = await changeOwnPassword(deps.db, deps.repos, {
      userId: user.id,
      current: request.body.current_password,
      next: request.body.new_password,
      sessionToken: request.cookies[SESSION_COOKIE] ?? '',
    }, deps.clock.now().getTime());
    if (!changed.ok) throw toAppError(changed.error);
    request.log.info({ user: user.id }, 'password changed by its owner');
    return reply.status(204).send(null);
  });
};
