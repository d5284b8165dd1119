import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { longDay } from '../../format/dates';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { DEPARTMENTS_PATH, summaryPath, type Department, type DepartmentSummary } from './dashboard-api';
import { DaySummary } from './DaySummary';

/** The home page: one department's day at a glance. Users of a department see theirs; coordinators pick one. */
export const DashboardPage = () => {
  const { user } = useConsole();
  // Undefined: the server's today (its clock and the city's timezone decide, not the tablet's).
  const [day, setDay] = useState<string>();
  const [chosen, setChosen] = useState<string>();
  const departments = useApiGet<{ departments: Department[] }>(DEPARTMENTS_PATH);
  const list = departments.data?.departments ?? [];
  const own = user.department_id;
  const departmentId = own ?? chosen ?? list[0]?.id;
  const department = list.find((d) => d.id === departmentId);
  const summary = useApiGet<DepartmentSummary>(departmentId ? summaryPath(departmentId, day) : null);
  const shownDay = day ?? summary.data?.day ?? '';

  const controls = (
    <div className="toolbar">
      {!own && list.length > 0 && (
        <Field label="Secretaria">
          {(props) => (
            <select {...props} className="input" value={departmentId} onChange={(e) => setChosen(e.target.value)}>
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.short_name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field label="Dia">
        {(props) => <input {...props} className="input" type="date" value={shownDay} required onChange={(e) => setDay(e.target.value || undefined)} />}
      </Field>
    </div>
  );

  return (
    <>
      <PageHeader title="Painel" subtitle={department ? department.name : undefined} actions={controls} />
      {departments.error && <Notice tone="error">{departments.error.message}</Notice>}
      {summary.error && <Notice tone="error">{summary.error.message}</Notice>}
      {!departments.error && !summary.error && (summary.data ? (
        <DaySummary summary={summary.data} dayLabel={day === undefined ? 'Hoje' : longDay(summary.data.day)} refreshing={summary.loading} />
      ) : (
        <Loading />
      ))}
    </>
  );
};
