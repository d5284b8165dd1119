import type { InboxViewer } from './types.js';

/** Admins, coordinators and users without a department see every queue; others their department's only. */
export const seesEveryQueue = (viewer: InboxViewer): boolean => viewer.departmentId === null || viewer.role !== 'attendant';

export const canSeeHandoff = (viewer: InboxViewer, handoff: { department_id: string | null }): boolean =>
  seesEveryQueue(viewer) || handoff.department_id === viewer.departmentId;

/** Coordinators and admins may hand a citizen to someone else or take one another attendant holds. */
export const canReassign = (viewer: InboxViewer): boolean => viewer.role !== 'attendant';
