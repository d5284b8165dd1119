import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { listStaff } from '../attendants/manage-users.js';
import { seesDepartment, type StaffViewer } from '../attendants/staff.js';
import type { Role } from '../attendants/users.js';
import { departmentLabel, isDepartmentActiveOn, type Catalog, type CatalogService, type Department } from '../catalog/index.js';
import { OPEN_STATUSES } from '../requests/index.js';

export interface DepartmentCard {
  department: Department;
  label: string;
  /** Departments whose successor this one is (a rename or a merger). */
  replaced: Department[];
  services: CatalogService[];
  people: Array<{ id: number; name: string; role: Role; disabled: boolean }>;
  openNow: number;
  overdueNow: number;
  /** Citizens waiting for a person in its inbox queue. */
  waiting: number;
}

export interface DepartmentsOverview {
  /** In force today, in the profile's order, each the viewer may see. */
  current: DepartmentCard[];
  /** No longer in force (shown to those who see every department). */
  former: Array<{ department: Department; label: string; successor: Department | undefined }>;
}

/** Ended before today; a structure a decree creates ahead of its date is not in force yet, and not former either. */
const hasEnded = (department: Department, today: string): boolean => department.validTo !== null && department.validTo < today;

/**
 * What each department is today: what it answers for, who works it, and its load now. Departments are dated city
 * data (changed in the profile, not here); a user limited to one department sees only that one.
 */
export const departmentsOverview = async (
  db: Executor,
  repos: Repositories,
  input: { departments: readonly Department[]; catalog: Catalog; viewer: StaffViewer; today: string; now: number },
): Promise<DepartmentsOverview> => {
  const { departments, catalog, viewer, today } = input;
  const [staff, load, waiting] = await Promise.all([
    listStaff(db, repos),
    repos.requestStats.openByDepartment(db, OPEN_STATUSES, input.now),
    repos.handoffs.waitingByDepartment(db),
  ]);
  const visible = departments.filter((d) => seesDepartment(viewer, d.id));
  const current = visible.filter((d) => isDepartmentActiveOn(d, today));
  return {
    current: current.map((department) => {
      const figures = load.find((l) => l.departmentId === department.id);
      return {
        department,
        label: departmentLabel(department),
        replaced: departments.filter((d) => d.successorId === department.id),
        services: catalog.services.filter((s) => s.departmentId === department.id),
        people: staff.filter((u) => u.departmentId === department.id).map((u) => ({ id: u.id, name: u.name, role: u.role, disabled: u.disabled })),
        openNow: figures?.open ?? 0,
        overdueNow: figures?.overdue ?? 0,
        waiting: waiting.find((w) => w.departmentId === department.id)?.n ?? 0,
      };
    }),
    former: visible
      .filter((d) => hasEnded(d, today))
      .map((department) => ({ department, label: departmentLabel(department), successor: departments.find((d) => d.id === department.successorId) })),
  };
};
