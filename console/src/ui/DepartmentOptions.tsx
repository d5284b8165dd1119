import type { Department } from '../api/departments';

/** The `<option>`s of a department select: an "all" choice (value "") and each department by its short name. */
export const DepartmentOptions = ({ departments, allLabel = 'Todas' }: { departments: readonly Department[]; allLabel?: string }) => (
  <>
    <option value="">{allLabel}</option>
    {departments.map((d) => (
      <option key={d.id} value={d.id}>
        {d.short_name}
      </option>
    ))}
  </>
);
