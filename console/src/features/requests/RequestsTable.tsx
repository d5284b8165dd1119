import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { PRIORITY_LABELS, type RequestSummary } from './requests-api';
import { StatusBadge } from './StatusBadge';

/** The requests as a table: the protocol people quote on the phone first, lateness and urgency marked. */
export const RequestsTable = ({ requests }: { requests: RequestSummary[] }) => {
  const { config } = useConsole();
  return (
    <div className="table-wrap requests-table-wrap">
      <table className="table requests-table">
        <thead>
          <tr>
            <th scope="col">Protocolo</th>
            <th scope="col">Serviço</th>
            <th scope="col">Local</th>
            <th scope="col">Situação</th>
            <th scope="col">Aberto em</th>
            <th scope="col">Prazo</th>
            <th scope="col">Responsável</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.protocol} className={request.overdue ? 'requests-table__row--late' : undefined}>
              <td className="table__protocol">
                <Link to={`/pedidos/${request.protocol}`}>{request.protocol}</Link>
                {request.duplicate_of && <span className="requests-table__tag">repetido</span>}
              </td>
              <td>
                {request.service.name}
                {(request.priority === 'alta' || request.priority === 'urgente') && (
                  <span className={`badge badge--${request.priority === 'urgente' ? 'urgent' : 'high'}`}>{PRIORITY_LABELS[request.priority]}</span>
                )}
              </td>
              <td>{request.place ?? '—'}</td>
              <td>
                <StatusBadge status={request.status} />
              </td>
              <td>{dateTime(request.created_at, config.city.timezone)}</td>
              <td>{request.due_at ? <span className={request.overdue ? 'late' : undefined}>{dateTime(request.due_at, config.city.timezone)}</span> : '—'}</td>
              <td>{request.assignee?.name ?? <span className="muted">ninguém</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
