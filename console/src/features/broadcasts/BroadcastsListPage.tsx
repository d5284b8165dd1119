import { useEffect } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { Link } from '../../app/router';
import { useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import { formatInteger } from '../../format/numbers';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { Pill } from '../../ui/Pill';
import { BROADCASTS_PATH, isLive, STATUS_LABELS, STATUS_TONES, type BroadcastSummary } from './broadcasts-api';
import { NoticesCard } from './NoticesCard';
import { ProgressBar } from './ProgressBar';

const REFRESH_MS = 3_000;

/** Every broadcast, newest first, with its progress; the list keeps itself current while one is sending. */
export const BroadcastsListPage = () => {
  const { config } = useConsole();
  const list = useApiGet<{ broadcasts: BroadcastSummary[] }>(BROADCASTS_PATH);
  const live = list.data?.broadcasts.some((b) => isLive(b.status)) ?? false;
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(list.reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [live, list.reload]);

  return (
    <>
      <PageHeader
        title="Avisos"
        subtitle="Mensagens da Prefeitura para quem aceitou receber, por tema e bairro, com um modelo aprovado pela Meta."
        actions={<Link to="/transmissoes/novo" className="button button--primary">Novo aviso</Link>}
      />
      {list.error && <Notice tone="error">{list.error.message}</Notice>}
      {!list.data ? (
        !list.error && <Loading label="Carregando os avisos…" />
      ) : list.data.broadcasts.length === 0 ? (
        <EmptyState>Nenhum aviso enviado ainda. Comece por “Novo aviso”.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Avisos">
            <thead>
              <tr>
                <th scope="col">Aviso</th>
                <th scope="col">Situação</th>
                <th scope="col">Progresso</th>
                <th scope="col" className="table__number">Entregues</th>
                <th scope="col" className="table__number">Lidas</th>
                <th scope="col" className="table__number">Falhas</th>
              </tr>
            </thead>
            <tbody>
              {list.data.broadcasts.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link to={`/transmissoes/${b.id}`}>{b.title}</Link>
                    <span className="table__sub">{b.send_at ? `para ${dateTime(b.send_at, config.city.timezone)}` : `criado ${dateTime(b.created_at, config.city.timezone)}`}</span>
                  </td>
                  <td>
                    <Pill tone={STATUS_TONES[b.status]}>{STATUS_LABELS[b.status]}</Pill>
                  </td>
                  <td>
                    <ProgressBar broadcast={b} />
                  </td>
                  <td className="table__number">{formatInteger(b.delivered)}</td>
                  <td className="table__number">{formatInteger(b.read)}</td>
                  <td className="table__number">{formatInteger(b.failed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NoticesCard />
    </>
  );
};
