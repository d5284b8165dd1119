import type { Role } from './users.js';

/** A console user acting on queues: their id, name, role and department (null: every department). */
export interface StaffViewer {
  id: number;
  name: string;
  role: Role;
  departmentId: string | null;
}

/** Roles that attend citizens' WhatsApp conversations (the phone team does not). */
export const ATTENDING_ROLES: readonly Role[] = ['admin', 'coordinator', 'attendant'];

export const attendsConversations = (viewer: Pick<StaffViewer, 'role'>): boolean => ATTENDING_ROLES.includes(viewer.role);

/** Whether the user works requests (status, assignment); the phone team registers and reads them, and adds notes. */
export const worksRequests = (viewer: Pick<StaffViewer, 'role'>): boolean => viewer.role !== 'operator';

/** Coordinators and admins run queues: they hand work to others, set priorities, link duplicates, write ready answers. */
export const managesQueues = (viewer: Pick<StaffViewer, 'role'>): boolean => viewer.role === 'coordinator' || viewer.role === 'admin';

/**
 * The department a user's work is limited to; undefined: every department (and the general queue). Admins are never
 * limited; anyone else with a department is.
 */
export const departmentScope = (viewer: Pick<StaffViewer, 'role' | 'departmentId'>): string | undefined =>
  viewer.role === 'admin' ? undefined : (viewer.departmentId ?? undefined);

/** Whether the user may see work of a department (null: the general queue, only for those not limited to one). */
export const seesDepartment = (viewer: Pick<StaffViewer, 'role' | 'departmentId'>, departmentId: string | null): boolean => {
  const scope = departmentScope(viewer);
  return scope === undefined || scope === departmentId;
};
