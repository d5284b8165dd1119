import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { attendsConversations } from '../attendants/staff.js';
import { ok, type Result } from '../requests/result.js';
import { visibleHandoff, type InboxErrorCode } from './actions.js';
import type { InboxViewer } from './types.js';
import { canReassign, canSeeHandoff, reassignForbidden } from './visibility.js';

/** Whom a coordinator may hand a conversation to: enabled users who attend conversations and see its queue. */
export const handoffAssignees = async (db: Executor, repos: Repositories, viewer: InboxViewer, id: number): Promise<Result<InboxViewer[], InboxErrorCode>> => {
  if (!canReassign(viewer)) return reassignForbidden();
  const found = await visibleHandoff(db, repos, viewer, id);
  if (!found.ok) return found;
  const staff = (await repos.users.enabled(db)).map((user): InboxViewer => ({ id: Number(user.id), name: user.name, role: user.role, departmentId: user.department_id }));
  return ok(staff.filter((person) => attendsConversations(person) && canSeeHandoff(person, found.value)));
};
