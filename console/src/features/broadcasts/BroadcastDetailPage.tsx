import { useEffect, useState } from 'react';
import { useAction } from '../../api/use-action';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { formatInteger, formatPercent } from '../../format/numbers';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { graphErrorMeaning } from '../settings/failures/graph-errors';
import { Pill } from '../../ui/Pill';
import { broadcastPath, broadcastsApi, isLive, STATUS_LABELS, STATUS_TONES, type BroadcastDetail } from './broadcasts-api';
import { BroadcastFailures } from './BroadcastFailures';
import { ProgressBar } from './ProgressBar';

const REFRESH_MS = 2_000;

const eta = (seconds: number | null): string => {
  if (seconds === null) return '—';
  if (seconds < 60) return 'menos de um minuto';
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `cerca de ${minutes} min` : `cerca de ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

const Figure = ({ label, value, of }: { label: string; value: number; of?: number }) => (
  <div className="broadcast-figure">
    <span className="broadcast-figure__value">{formatInteger(value)}</span>
    <span className="broadcast-figure__label">
      {label}
      {of !== undefined && of > 0 ? ` · ${formatPercent(value / of)}` : ''}
    </span>
  </div>
);

/** One broadcast as it goes out: progress with time left, the figures, pause/resume/cancel, and what failed. */
export const BroadcastDetailPage = ({ id }: { id: number }) => {
  const { config } = useConsole();
  const detail = useApiGet<BroadcastDetail>(broadcastPath(id));
  const { running, error, run } = useAction(detail.reload);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const live = detail.data ? isLive(detail.data.status) : false;
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(detail.reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [live, detail.reload]);
  if (detail.error) return <Notice tone="error">{detail.error.message}</Notice>;
  const b = detail.data;
  if (!b) return <Loading label="Carregando o aviso…" />;
  const when = (iso: string | null) => (iso ? dateTime(iso, config.city.timezone) : '—');
  const act = (action: 'pause' | 'resume' | 'cancel') => void run(action, () => broadcastsApi.control(id, action));

  return (
    <>
      <PageHeader
        title={b.title}
        subtitle={<Pill tone={STATUS_TONES[b.status]}>{STATUS_LABELS[b.status]}</Pill>}
        actions={<Link to="/transmissoes" className="button button--ghost">Todos os avisos</Link>}
      />
      {error && <Notice tone="error">{error}</Notice>}
      <Card title="Envio">
        <div className="stack">
          <ProgressBar broadcast={b} />
          <p className="broadcast-times">
            {b.status === 'scheduled' && `Começa em ${when(b.send_at)}.`}
            {b.status === 'sending' && `${b.rate_per_second === null ? '' : `${formatInteger(Math.round(b.rate_per_second))} mensagens por segundo · `}termina em ${eta(b.eta_seconds)}.`}
            {b.status === 'paused' && 'Pausado: nada sai até retomar.'}
            {b.status === 'done' && `Terminou em ${when(b.finished_at)}.`}
            {b.status === 'cancelled' && `Cancelado em ${when(b.finished_at)}; quem ainda não tinha recebido não recebe.`}
          </p>
          <div className="broadcast-figures">
            <Figure label="público" value={b.total} />
            <Figure label="enviadas" value={b.sent} of={b.total} />
            <Figure label="entregues" value={b.delivered} of={b.sent} />
            <Figure label="lidas" value={b.read} of={b.delivered} />
            <Figure label="falharam" value={b.failed} of={b.total} />
            <Figure label="saíram da lista desde o envio" value={b.opted_out} />
          </div>
          {live && (
            <div className="text-editor__actions">
              {b.status === 'sending' && <Button variant="secondary" busy={running === 'pause'} onClick={() => act('pause')}>Pausar</Button>}
              {b.status === 'paused' && <Button busy={running === 'resume'} onClick={() => act('resume')}>Retomar</Button>}
              {confirmCancel ? (
                <>
                  <Button variant="danger" busy={running === 'cancel'} onClick={() => act('cancel')}>Sim, cancelar o aviso</Button>
                  <Button variant="ghost" onClick={() => setConfirmCancel(false)}>Não cancelar</Button>
                </>
              ) : (
                <Button variant="ghost" onClick={() => setConfirmCancel(true)}>Cancelar…</Button>
              )}
            </div>
          )}
        </div>
      </Card>
      <div className="settings-layout">
        <Card title="Mensagem">
          <p className="card__lead">
            Modelo <code>{b.template.name}</code> ({b.template.language}){b.template.parameters.length > 0 && ` com ${b.template.parameters.map((p) => `“${p}”`).join(', ')}`}.
          </p>
          <p className="card__lead">
            Para {b.audience.topics?.length ? `os temas ${b.audience.topics.map((t) => config.topics.find((x) => x.id === t)?.title ?? t).join(', ')}` : 'todos que aceitam avisos'}
            {b.audience.regions?.length ? `, nas regiões ${b.audience.regions.join(', ')}` : ''}
            {b.audience.neighborhoods?.length ? `, em ${b.audience.neighborhoods.length} bairros ou quadras` : ''}. {b.created_by_name ? `Criado por ${b.created_by_name}.` : ''}
          </p>
        </Card>
        <Card title="Falhas por motivo">
          {Object.keys(b.failed_by_reason).length === 0 ? (
            <p className="card__lead">Nenhuma falha.</p>
          ) : (
            <ul className="department-card__list">
              {Object.entries(b.failed_by_reason).map(([code, n]) => (
                <li key={code}>
                  <span>
                    <strong>{formatInteger(n)}</strong> · código {code}
                  </span>
                  <span className="table__sub">{graphErrorMeaning(Number(code))}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {b.failed > 0 && <BroadcastFailures id={id} />}
    </>
  );
};
