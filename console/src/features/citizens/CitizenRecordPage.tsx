import { useState } from 'react';
import { useDepartments } from '../../api/departments';
import { useApiGet } from '../../api/use-api-get';
import { useCatalogNames, useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { formatPhone } from '../inbox/phone';
import { StatusBadge } from '../requests/StatusBadge';
import { citizenPath, displayName, type CitizenRecord } from './citizens-api';
import { LgpdCard } from './LgpdCard';

const CONSENT: Record<CitizenRecord['consent']['status'], string> = {
  accepted: 'Aceitou o aviso de privacidade',
  declined: 'Não quis se cadastrar',
  unanswered: 'Ainda não respondeu ao aviso de privacidade',
};

const CONVERSATION_STATUS: Record<string, string> = { waiting: 'Aguardando', taken: 'Em atendimento', closed: 'Encerrada' };

/** One citizen: who they are, what they agreed to, their requests and conversations; LGPD actions for admins. */
export const CitizenRecordPage = ({ citizenKey }: { citizenKey: string }) => {
  const { config, user } = useConsole();
  const { serviceName } = useCatalogNames();
  const { shortName } = useDepartments();
  const loaded = useApiGet<{ citizen: CitizenRecord }>(citizenPath(citizenKey));
  const [anonymised, setAnonymised] = useState<number>();
  const when = (iso: string | null): string => (iso ? dateTime(iso, config.city.timezone) : '—');

  if (anonymised !== undefined)
    return (
      <>
        <PageHeader title="Dados anonimizados" />
        <Notice tone="success">Os dados pessoais foram apagados. {anonymised === 1 ? '1 pedido continua' : `${anonymised} pedidos continuam`} registrado(s), sem ligação com o cidadão.</Notice>
        <p>
          <Link to="/cidadaos">← Cidadãos</Link>
        </p>
      </>
    );
  if (loaded.error) return <Notice tone="error">{loaded.error.status === 404 ? 'Cidadão não encontrado (ou sem atendimentos na sua secretaria).' : loaded.error.message}</Notice>;
  const citizen = loaded.data?.citizen;
  if (!citizen) return <Loading label="Carregando o cidadão…" />;
  const place = citizen.place ? (config.places.find((p) => p.id === citizen.place?.place_id)?.name ?? citizen.place.text ?? 'Ponto no mapa') : 'Não informado';

  return (
    <>
      <p className="breadcrumb">
        <Link to="/cidadaos">← Cidadãos</Link>
      </p>
      <PageHeader title={displayName(citizen)} subtitle={citizen.phone ? formatPhone(citizen.phone) : 'Sem número (identificado pelo WhatsApp)'} />
      <div className="citizen-page">
        <Card title="Dados">
          <dl className="facts">
            <div className="facts__row"><dt>Nome no cadastro</dt><dd>{citizen.name ?? '—'}</dd></div>
            <div className="facts__row"><dt>Nome no WhatsApp</dt><dd>{citizen.profile_name ?? '—'}</dd></div>
            <div className="facts__row"><dt>Onde mora</dt><dd>{place}</dd></div>
            <div className="facts__row"><dt>Primeira mensagem</dt><dd>{when(citizen.first_seen_at)}</dd></div>
            <div className="facts__row"><dt>Última mensagem</dt><dd>{when(citizen.last_message_at)}</dd></div>
          </dl>
        </Card>
        <Card title="Consentimentos">
          <dl className="facts">
            <div className="facts__row"><dt>Privacidade</dt><dd>{CONSENT[citizen.consent.status]}{citizen.consent.at ? ` em ${when(citizen.consent.at)}` : ''}{citizen.consent.notice ? ` (aviso ${citizen.consent.notice})` : ''}</dd></div>
            <div className="facts__row"><dt>Avisos da Prefeitura</dt><dd>{citizen.broadcast.opted_in ? `Recebe, desde ${when(citizen.broadcast.at)}` : citizen.broadcast.at ? `Não recebe (saiu em ${when(citizen.broadcast.at)})` : 'Não recebe'}</dd></div>
          </dl>
        </Card>
        <Card title="Pedidos" aside={<span className="card__count">{citizen.requests.length}</span>}>
          {citizen.requests.length === 0 ? (
            <EmptyState>Nenhum pedido que você possa ver.</EmptyState>
          ) : (
            <ul className="citizen-list">
              {citizen.requests.map((r) => (
                <li key={r.protocol}>
                  <Link to={`/pedidos/${r.protocol}`} className="table__protocol">{r.protocol}</Link>
                  <span>{serviceName(r.service_code)}</span>
                  <StatusBadge status={r.status} />
                  <span className="muted">{when(r.created_at)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Conversas com a equipe" aside={<span className="card__count">{citizen.conversations.length}</span>}>
          {citizen.conversations.length === 0 ? (
            <EmptyState>Nunca pediu para falar com uma pessoa.</EmptyState>
          ) : (
            <ul className="citizen-list">
              {citizen.conversations.map((c) => (
                <li key={c.id}>
                  {c.status === 'closed' ? <span>{when(c.created_at)}</span> : <Link to={`/atendimento/${c.id}`}>{when(c.created_at)}</Link>}
                  <span>{c.department_id ? shortName(c.department_id) : 'Fila geral'}</span>
                  <span className="muted">{CONVERSATION_STATUS[c.status] ?? c.status}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {citizen.data_requests.length > 0 && (
          <Card title="Pedidos sobre os dados (LGPD)">
            <ul className="citizen-list">
              {citizen.data_requests.map((d) => (
                <li key={d.id}>
                  <span>Apagar meus dados</span>
                  <span className="muted">{when(d.created_at)}</span>
                  <span>{d.status === 'open' ? 'Aguardando a Prefeitura' : d.status === 'done' ? 'Atendido' : 'Recusado'}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {user.role === 'admin' && <LgpdCard citizen={citizen} onAnonymised={setAnonymised} />}
      </div>
    </>
  );
};
