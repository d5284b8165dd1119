import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { User } from '../../storage/schema.js';
import { managesQueues, visibleRequestRow, worksRequests, type RequestViewer } from './access.js';

export interface Assignee {
  id: number;
  name: string;
  departmentId: string | null;
}

/** Whether a user may be given a request of a department: enabled, working requests, of that department or of none. */
export const mayWorkOn = (user: Pick<User, 'disabled_at' | 'role' | 'department_id'>, departmentId: string): boolean =>
  user.disabled_at === null && worksRequests(user) && (user.department_id === null || user.department_id === departmentId);

/**
 * Whom the viewer may give the request to: anyone who may work on it, for coordinators and admins; themselves, for an
 * attendant who may; nobody, for the phone team. Undefined when the viewer may not see the request.
 */
export const requestAssignees = async (db: Executor, repos: Repositories, viewer: RequestViewer, protocol: string): Promise<Assignee[] | undefined> => {
  const row = await visibleRequestRow(db, repos, viewer, protocol);
  if (!row) return undefined;
  const eligible = (await repos.users.enabled(db)).filter((user) => mayWorkOn(user, row.department_id));
  const allowed = managesQueues(viewer) ? eligible : eligible.filter((user) => Number(user.id) === viewer.id);
  return allowed.map((user) => ({ id: Number(user.id), name: user.name, departmentId: user.department_id }));
};
