import type { FastifyRequest } from 'fastify';
import type { PublicUser } from '../../domain/attendants/users.js';
import type { InboxViewer } from '../../domain/inbox/index.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

/** The signed-in user with their department, read fresh (a coordinator may have moved them since they signed in). */
export const viewerOf = async (db: Executor, repos: Repositories, request: FastifyRequest): Promise<InboxViewer> => {
  const user = request.user as PublicUser;
  const row = await repos.users.byId(db, user.id);
  return { id: user.id, name: user.name, role: user.role, departmentId: row?.department_id ?? null };
};
