import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addStaff, changeStaff, findStaff, listStaff, resetStaffPassword, type StaffMember } from '../../domain/attendants/manage-users.js';
import { resetStaffTwoStep } from '../../domain/attendants/two-step.js';
import { ROLES } from '../../domain/attendants/users.js';
import type { Department } from '../../domain/catalog/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';
import { viewerOf } from './viewer.js';

export interface UsersRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  departments: readonly Department[];
  /** Coordinators see who works where. */
  requireCoordinator: onRequestAsyncHookHandler;
  /** Only admins add, change and reset users. */
  requireAdmin: onRequestAsyncHookHandler;
}

const security = [{ session: [] }];
const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  department_id: z.string().nullable(),
  disabled: z.boolean(),
  created_at: z.string(),
  last_sign_in_at: z.string().nullable(),
  two_step: z.boolean().describe('signs in with a code from an authenticator app too'),
});

const present = (user: StaffMember) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  department_id: user.departmentId,
  disabled: user.disabled,
  created_at: new Date(user.createdAt).toISOString(),
  last_sign_in_at: iso(user.lastSignInAt),
  two_step: user.twoStep,
});

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Console users: who works where, and the admins' tools to add, change, disable and reset them. */
export const registerUsersRoutes = (app: FastifyInstance, deps: UsersRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.clock.now().getTime();

  api.get('/api/users', {
    onRequest: deps.requireCoordinator,
    schema: { tags: ['users'], summary: 'Console users, disabled ones included (coordinators and admins)', security, response: { 200: z.object({ users: z.array(userSchema) }), 401: errorSchema, 403: errorSchema } },
  }, async () => ({ users: (await listStaff(deps.db, deps.repos)).map(present) }));

  api.post('/api/users', {
    onRequest: deps.requireAdmin,
    schema: {
      tags: ['users'],
      summary: 'Add a user (admins); without a password, a temporary one is made up and returned once',
      security,
      body: z.object({
        email: z.string().trim().email('Informe um e-mail válido.'),
        name: z.string().trim().min(1, 'Informe o nome.').max(120),
        role: z.enum(ROLES),
        department_id: z.string().max(100).optional(),
        password: z.string().min(8, 'A senha precisa de ao menos 8 caracteres.').max(200).optional(),
      }),
      response: { 201: z.object({ user: userSchema, password: z.string().nullable().describe('the temporary password, once') }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema },
    },
  }, async (request, reply) => {
    const { email, name, role, department_id: departmentId, password } = request.body;
    const added = await addStaff(deps.db, deps.repos, viewerOf(request), { email, name, role, departmentId, password }, deps.departments, now());
    if (!added.ok) throw toAppError(added.error);
    request.log.info({ user: added.value.user.id, by: viewerOf(request).id, role }, 'user added');
    const created = await findStaff(deps.db, deps.repos, added.value.user.id);
    return reply.status(201).send({ user: present(created as StaffMember), password: added.value.password });
  });

  api.patch('/api/users/:id', {
    onRequest: deps.requireAdmin,
    schema: {
      tags: ['users'],
      summary: 'Change name, role, department or whether the user may sign in (admins); disabling ends their sessions',
      security,
      params: idParams,
      body: z.object({ name: z.string().max(120).optional(), role: z.enum(ROLES).optional(), department_id: z.string().max(100).nullable().optional(), disabled: z.boolean().optional() }),
      response: { 200: z.object({ user: userSchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (request) => {
    const { name, role, department_id: departmentId, disabled } = request.body;
    const changed = await changeStaff(deps.db, deps.repos, viewerOf(request), request.params.id, { name, role, departmentId, disabled }, deps.departments, now());
    if (!changed.ok) throw toAppError(changed.error);
    request.log.info({ user: request.params.id, by: viewerOf(request).id }, 'user changed');
    return { user: present((await findStaff(deps.db, deps.repos, request.params.id)) as StaffMember) };
  });

  api.post('/api/users/:id/password', {
    onRequest: deps.requireAdmin,
    schema: {
      tags: ['users'],
      summary: 'Give the user a new temporary password (admins), returned once; their sessions end',
      security,
      params: idParams,
      response: { 200: z.object({ password: z.string() }), 401: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const reset = await resetStaffPassword(deps.db, deps.repos, viewerOf(request), request.params.id, now());
    if (!reset.ok) throw toAppError(reset.error);
    request.log.info({ user: request.params.id, by: viewerOf(request).id }, 'user password reset');
    return { password: reset.value.password };
  });

  api.delete('/api/users/:id/two-step', {
    onRequest: deps.requireAdmin,
    schema: {
      tags: ['users'],
      summary: "Turn off a user's two-step verification (admins), e.g. after a lost phone; their sessions end",
      security,
      params: idParams,
      response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
    },
  }, async (request, reply) => {
    const reset = await resetStaffTwoStep(deps.db, deps.repos, viewerOf(request), request.params.id, now());
    if (!reset.ok) throw toAppError(reset.error);
    request.log.info({ user: request.params.id, by: viewerOf(request).id }, 'user two-step verification reset');
    return reply.status(204).send(null);
  });
};
