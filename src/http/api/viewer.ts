import type { FastifyRequest } from 'fastify';
import type { StaffViewer } from '../../domain/attendants/staff.js';
import type { PublicUser } from '../../domain/attendants/users.js';

/** The signed-in user (requireUser ran before; their department is read fresh with the session on each request). */
export const viewerOf = (request: FastifyRequest): StaffViewer => {
  const { id, name, role, departmentId } = request.user as PublicUser;
  return { id, name, role, departmentId };
};
