import { useCatalogNames, useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { plural } from '../../format/numbers';
import { EmptyState } from '../../ui/EmptyState';
import type { OverdueRequest } from './dashboard-api';

/** The late requests, most late first, with the protocol people quote on the phone. */
export const OverdueTable = ({ overdue }: { overdue: OverdueRequest[] }) => {
  const { config } = useConsole();
  const { serviceName, statusLabel } = useCatalogNames();
  if (overdue.length === 0) return <EmptyState>Nenhum pedido fora do prazo. Bom trabalho!</EmptyState>;
  const rows = [...overdue].sort((a, b) => b.days_late - a.days_late);
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Protocolo</th>
            <th scope="col">Serviço</th>
            <th scope="col">Situação</th>
            <th scope="col">Prazo</th>
            <th scope="col" className="table__number">
              Atraso
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((request) => (
            <tr key={request.protocol}>
              <td className="table__protocol">{request.protocol}</td>
              <td>{serviceName(request.service_code)}</td>
              <td>
                <span className="badge">{statusLabel(request.status)}</span>
              </td>
              <td>{dateTime(request.due_at, config.city.timezone)}</td>
              <td className="table__number">
                <span className="late">{plural(request.days_late, 'dia', 'dias')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
