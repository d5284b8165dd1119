import { useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { graphErrorMeaning } from '../settings/failures/graph-errors';
import { broadcastPath, type BroadcastFailure } from './broadcasts-api';

const PAGE = 50;

/** The recipients it could not reach, newest first, a page at a time. */
export const BroadcastFailures = ({ id }: { id: number }) => {
  const { config } = useConsole();
  const [before, setBefore] = useState<string>();
  const page = useApiGet<{ failures: BroadcastFailure[]; next_before: string | null }>(`${broadcastPath(id)}/failures?limit=${PAGE}${before ? `&before=${encodeURIComponent(before)}` : ''}`);
  return (
    <Card title="Quem não recebeu">
      <div className="table-wrap">
        <table className="table" aria-label="Quem não recebeu">
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Número</th>
              <th scope="col">Motivo</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.failures.map((f) => (
              <tr key={`${f.citizen_key}-${f.at}`}>
                <td>{dateTime(f.at, config.city.timezone)}</td>
                <td>{f.number_masked}</td>
                <td>
                  <strong>{f.code ?? '—'}</strong> {graphErrorMeaning(f.code)}
                  <span className="table__sub">{f.reason}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.data?.next_before && (
        <Button variant="ghost" onClick={() => setBefore(page.data?.next_before ?? undefined)}>
          Mais antigas
        </Button>
      )}
    </Card>
  );
};
