import { Link } from '../../../app/router';
import { shortDay } from '../../../format/dates';
import { formatInteger, plural } from '../../../format/numbers';
import { ROLE_LABELS } from '../../auth/roles';
import { INBOX_ROOT } from '../../inbox/InboxPage';
import { REQUESTS_ROOT } from '../../requests/RequestsPage';
import type { DepartmentCardData } from './departments-api';

const Figure = ({ value, label, to, tone }: { value: number; label: string; to: string; tone?: 'warning' }) => (
  <Link to={to} className={`department-figure${tone && value > 0 ? ` department-figure--${tone}` : ''}`}>
    <span className="department-figure__value">{formatInteger(value)}</span>
    <span className="department-figure__label">{label}</span>
  </Link>
);

/** One department as staff need to know it: what it answers for, who works it, and what waits for it now. */
export const DepartmentCard = ({ department, showPeople }: { department: DepartmentCardData; showPeople: boolean }) => {
  const board = `${REQUESTS_ROOT}?department=${encodeURIComponent(department.id)}`;
  const active = department.people.filter((p) => !p.disabled).length;
  return (
    <section className="card department-card" aria-label={department.name}>
      <header className="department-card__header">
        <h2 className="card__title">{department.name}</h2>
        <p className="department-card__since">
          {department.valid_from ? `Em vigor desde ${shortDay(department.valid_from)}` : 'Em vigor'}
          {department.replaced.length > 0 && ` · assumiu o trabalho de ${department.replaced.map((d) => d.name).join(', ')}`}
        </p>
      </header>
      <div className="department-card__figures">
        <Figure value={department.open_now} label="pedidos abertos" to={board} />
        <Figure value={department.overdue_now} label="atrasados" to={`${board}&overdue=1`} tone="warning" />
        <Figure value={department.waiting_now} label="aguardando atendimento" to={INBOX_ROOT} tone="warning" />
      </div>
      <h3 className="subheading">Serviços</h3>
      {department.services.length === 0 ? (
        <p className="department-card__empty">Nenhum serviço do catálogo é desta secretaria.</p>
      ) : (
        <ul className="department-card__list">
          {department.services.map((s) => (
            <li key={s.code}>
              <span>{s.name}</span>
              <span className="table__sub">{s.kind === 'request' ? 'pedido com protocolo' : 'informação'}{s.phone_line ? ` · telefone ${s.phone_line}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
      {showPeople && (
        <>
          <h3 className="subheading">Equipe no console ({plural(active, 'pessoa ativa', 'pessoas ativas')})</h3>
          {department.people.length === 0 ? (
            <p className="department-card__empty">Ninguém com acesso limitado a esta secretaria. Coordenação e administração veem todas.</p>
          ) : (
            <ul className="department-card__list">
              {department.people.map((p) => (
                <li key={p.id}>
                  <span>
                    {p.name} {p.disabled && <span className="badge">desativado</span>}
                  </span>
                  <span className="table__sub">{ROLE_LABELS[p.role]}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
};
