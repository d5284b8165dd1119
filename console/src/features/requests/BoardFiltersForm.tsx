import { useMemo, type ReactNode } from 'react';
import { useDepartments } from '../../api/departments';
import { useConsole } from '../../app/console-context';
import { Button } from '../../ui/Button';
import { DepartmentOptions } from '../../ui/DepartmentOptions';
import { Field } from '../../ui/Field';
import { hasFilters, NO_FILTERS, type BoardFilters } from './board-filters';
import { PRIORITY_LABELS, type Priority } from './requests-api';

interface BoardFiltersFormProps {
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
}

const Select = ({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) => (
  <Field label={label}>
    {(props) => (
      <select {...props} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    )}
  </Field>
);

/** The board's filters; each change applies at once. */
export const BoardFiltersForm = ({ filters, onChange }: BoardFiltersFormProps) => {
  const { config, user } = useConsole();
  const set = <K extends keyof BoardFilters>(key: K, value: BoardFilters[K]) => onChange({ ...filters, [key]: value });
  const services = useMemo(
    () => config.services.filter((s) => s.kind === 'request' && (user.department_id === null || s.department_id === user.department_id)),
    [config.services, user.department_id],
  );
  const { departments } = useDepartments();
  const regions = useMemo(() => [...new Set(config.places.map((p) => p.region).filter((r): r is string => r !== null))].sort(), [config.places]);
  const places = config.places.filter((p) => !filters.region || p.region === filters.region);

  return (
    <form className="board-filters" aria-label="Filtros" onSubmit={(event) => event.preventDefault()}>
      <Field label="Buscar">
        {(props) => (
          <input {...props} className="input" type="search" placeholder="Protocolo, descrição ou endereço" value={filters.q} onChange={(event) => set('q', event.target.value)} />
        )}
      </Field>
      <Select label="Situação" value={filters.status} onChange={(value) => set('status', value)}>
        <option value="">Todas</option>
        {config.statuses.map((s) => (
          <option key={s.code} value={s.code}>
            {s.label}
          </option>
        ))}
      </Select>
      <Select label="Serviço" value={filters.service} onChange={(value) => set('service', value)}>
        <option value="">Todos</option>
        {services.map((s) => (
          <option key={s.code} value={s.code}>
            {s.name}
          </option>
        ))}
      </Select>
      {user.department_id === null && (
        <Select label="Secretaria" value={filters.department} onChange={(value) => set('department', value)}>
          <DepartmentOptions departments={departments} />
        </Select>
      )}
      <Select label="Região" value={filters.region} onChange={(value) => onChange({ ...filters, region: value, place: '' })}>
        <option value="">Todas</option>
        {regions.map((region) => (
          <option key={region} value={region}>
            {region}
          </option>
        ))}
      </Select>
      <Select label="Quadra ou setor" value={filters.place} onChange={(value) => set('place', value)}>
        <option value="">Todos</option>
        {places.map((place) => (
          <option key={place.id} value={place.id}>
            {place.name}
          </option>
        ))}
      </Select>
      <Select label="Prioridade" value={filters.priority} onChange={(value) => set('priority', value)}>
        <option value="">Todas</option>
        {(Object.keys(PRIORITY_LABELS) as Priority[]).map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </Select>
      <Select label="Responsável" value={filters.assignee} onChange={(value) => set('assignee', value === 'me' || value === 'none' ? value : '')}>
        <option value="">Qualquer</option>
        <option value="me">Comigo</option>
        <option value="none">Sem responsável</option>
      </Select>
      <Field label="Aberto desde">
        {(props) => <input {...props} className="input" type="date" value={filters.from} onChange={(event) => set('from', event.target.value)} />}
      </Field>
      <Field label="Aberto até">
        {(props) => <input {...props} className="input" type="date" value={filters.to} onChange={(event) => set('to', event.target.value)} />}
      </Field>
      <label className="board-filters__check">
        <input type="checkbox" checked={filters.overdue} onChange={(event) => set('overdue', event.target.checked)} />
        Só atrasados
      </label>
      {hasFilters(filters) && (
        <Button variant="ghost" onClick={() => onChange(NO_FILTERS)}>
          Limpar filtros
        </Button>
      )}
    </form>
  );
};
