import { departmentScope, managesQueues, seesDepartment } from '../attendants/staff.js';
import { fail, type DomainError } from '../requests/result.js';
import type { InboxViewer } from './types.js';

/** Users not limited to a department see every queue, the general one included (see attendants/staff). */
export const seesEveryQueue = (viewer: InboxViewer): boolean => departmentScope(viewer) === undefined;

export const canSeeHandoff = (viewer: InboxViewer, handoff: { department_id: string | null }): boolean => seesDepartment(viewer, handoff.department_id);

/** Coordinators and admins may hand a citizen to someone else or take one another attendant holds. */
export const canReassign = managesQueues;

export const reassignForbidden = (): { ok: false; error: DomainError<'forbidden'> } => fail('forbidden', 'forbidden', 'Só coordenadores podem passar um atendimento a outra pessoa.');
