import type { ReactNode } from 'react';
import { useCatalogNames, useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { useDepartmentName } from '../inbox/department-names';
import { INBOX_ROOT } from '../inbox/InboxPage';
import { REQUESTS_ROOT } from '../requests/RequestsPage';
import { StatusBadge } from '../requests/StatusBadge';
import type { CitizenRecord } from './citizens-api';

const useWhen = () => {
  const { config } = useConsole();
  return (iso: string) => dateTime(iso, config.city.timezone);
};

const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <div className="citizen-facts__row">
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

const SOURCES: Record<string, string> = { whatsapp: 'pelo WhatsApp', meta: 'pela Meta (bloqueio ou descadastro)', console: 'pelo console' };
const CONVERSATION_STATUS: Record<string, string> = { waiting: 'Aguardando atendimento', taken: 'Em atendimento', closed: 'Encerrado' };
const DATA_REQUEST_KINDS: Record<string, string> = { deletion: 'Pediu para apagar os dados', export: 'Pediu uma cópia dos dados' };
const DATA_REQUEST_STATUS: Record<string, string> = { open: 'Em aberto', done: 'Atendido', rejected: 'Recusado' };

/** Registration, terms consent and broadcast opt-in, each with when it happened. */
export const ConsentCard = ({ citizen }: { citizen: CitizenRecord }) => {
  const when = useWhen();
  const { consent, broadcast } = citizen;
  const consentText =
    consent.status === 'accepted' ? `Aceitou${consent.at ? ` em ${when(consent.at)}` : ''}` : consent.status === 'declined' ? `Recusou${consent.at ? ` em ${when(consent.at)}` : ''}` : 'Ainda não respondeu';
  const broadcastText = broadcast.opted_in
    ? `Recebe${broadcast.at ? ` desde ${when(broadcast.at)}` : ''}${broadcast.source ? `, ${SOURCES[broadcast.source] ?? broadcast.source}` : ''}`
    : broadcast.at
      ? `Saiu em ${when(broadcast.at)}${broadcast.source ? `, ${SOURCES[broadcast.source] ?? broadcast.source}` : ''}`
      : 'Não recebe';
  return (
    <Card title="Cadastro e consentimentos">
      <dl className="citizen-facts">
        <Fact term="Nome no cadastro">{citizen.name ?? 'Não cadastrado'}</Fact>
        <Fact term="Nome no WhatsApp">{citizen.profile_name ?? '—'}</Fact>
        <Fact term="Onde mora">{citizen.place?.text ?? 'Não informado'}</Fact>
        <Fact term="Primeiro contato">{citizen.first_seen_at ? when(citizen.first_seen_at) : '—'}</Fact>
        <Fact term="Última mensagem">{citizen.last_message_at ? when(citizen.last_message_at) : '—'}</Fact>
        <Fact term="Termos de uso e privacidade">
          <span className={`consent consent--${consent.status}`}>{consentText}</span>
        </Fact>
        <Fact term="Avisos da prefeitura">{broadcastText}</Fact>
      </dl>
    </Card>
  );
};

/** The requests the viewer may see; each protocol opens the request's page. */
export const RequestsCard = ({ requests }: { requests: CitizenRecord['requests'] }) => {
  const when = useWhen();
  const { serviceName } = useCatalogNames();
  const departmentName = useDepartmentName();
  return (
    <Card title="Pedidos" aside={<span className="card__count">{requests.length}</span>}>
      {requests.length === 0 ? (
        <EmptyState>Nenhum pedido identificado que você possa ver. Denúncias anônimas nunca aparecem aqui.</EmptyState>
      ) : (
        <ul className="citizen-list" aria-label="Pedidos do cidadão">
          {requests.map((r) => (
            <li key={r.protocol} className="citizen-list__item">
              <div>
                <Link className="citizen-list__title table__protocol" to={`${REQUESTS_ROOT}/${r.protocol}`}>
                  {r.protocol}
                </Link>
                <p className="citizen-list__meta">
                  {serviceName(r.service_code)} · {departmentName(r.department_id)} · aberto em {when(r.created_at)}
                </p>
              </div>
              <StatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
};

/** Conversations with staff; the ones still open link to the inbox. */
export const ConversationsCard = ({ conversations }: { conversations: CitizenRecord['conversations'] }) => {
  const when = useWhen();
  const departmentName = useDepartmentName();
  return (
    <Card title="Atendimentos" aside={<span className="card__count">{conversations.length}</span>}>
      {conversations.length === 0 ? (
        <EmptyState>Nenhum atendimento com a equipe até agora.</EmptyState>
      ) : (
        <ul className="citizen-list" aria-label="Atendimentos do cidadão">
          {conversations.map((c) => {
            const title = `${departmentName(c.department_id)} · ${CONVERSATION_STATUS[c.status] ?? c.status}`;
            return (
              <li key={c.id} className="citizen-list__item">
                <div>
                  {c.status === 'closed' ? <span className="citizen-list__title">{title}</span> : <Link className="citizen-list__title" to={`${INBOX_ROOT}/${c.id}`}>{title}</Link>}
                  <p className="citizen-list__meta">
                    Início em {when(c.created_at)}
                    {c.closed_at && <> · encerrado em {when(c.closed_at)}</>}
                    {c.attendant && <> · atendido por {c.attendant}</>}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
};

/** What the citizen asked under the LGPD (on WhatsApp: "meus dados", "apagar meus dados"). */
export const DataRequestsCard = ({ dataRequests }: { dataRequests: CitizenRecord['data_requests'] }) => {
  const when = useWhen();
  return (
    <Card title="Pedidos sobre os dados (LGPD)">
      {dataRequests.length === 0 ? (
        <EmptyState>O cidadão não pediu cópia nem exclusão dos seus dados.</EmptyState>
      ) : (
        <ul className="citizen-list" aria-label="Pedidos sobre os dados">
          {dataRequests.map((d) => (
            <li key={d.id} className="citizen-list__item">
              <div>
                <span className="citizen-list__title">{DATA_REQUEST_KINDS[d.kind] ?? d.kind}</span>
                <p className="citizen-list__meta">Em {when(d.created_at)}</p>
              </div>
              <span className={`badge data-request--${d.status}`}>{DATA_REQUEST_STATUS[d.status] ?? d.status}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
};
