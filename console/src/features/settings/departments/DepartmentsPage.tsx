import { useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { shortDay } from '../../../format/dates';
import { Card } from '../../../ui/Card';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { DepartmentCard } from './DepartmentCard';
import { OVERVIEW_PATH, type DepartmentCardData, type FormerDepartment } from './departments-api';
import './departments.css';

const period = (d: FormerDepartment): string =>
  [d.valid_from ? `de ${shortDay(d.valid_from)}` : null, d.valid_to ? `até ${shortDay(d.valid_to)}` : null].filter(Boolean).join(' ');

/** The departments in force and what each one carries now; read-only: departments are dated city data. */
export const DepartmentsPage = () => {
  const { user } = useConsole();
  const overview = useApiGet<{ departments: DepartmentCardData[]; former: FormerDepartment[] }>(OVERVIEW_PATH);
  if (overview.error) return <Notice tone="error">{overview.error.message}</Notice>;
  if (!overview.data) return <Loading label="Carregando as secretarias…" />;
  const { departments, former } = overview.data;
  return (
    <div className="stack">
      <p className="settings-note">
        As secretarias vêm do perfil da cidade (<code>departments.json</code>), com as datas de vigência de cada estrutura: quando um decreto cria, renomeia ou
        junta secretarias, a equipe de TI atualiza o arquivo e os pedidos passam à nova secretaria a partir da data indicada.
      </p>
      <div className="departments-grid">
        {departments.map((d) => (
          <DepartmentCard key={d.id} department={d} showPeople={user.role !== 'operator'} />
        ))}
      </div>
      {former.length > 0 && (
        <Card title="Estruturas anteriores">
          <ul className="department-card__list">
            {former.map((d) => (
              <li key={d.id}>
                <span>{d.name}</span>
                <span className="table__sub">
                  {period(d) || 'sem datas conhecidas'}
                  {d.successor ? ` · trabalho passou para ${d.successor.name}` : ' · sem sucessora'}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
};
