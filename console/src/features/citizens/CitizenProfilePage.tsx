import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { formatPhone } from '../inbox/phone';
import { ConsentCard, ConversationsCard, DataRequestsCard, RequestsCard } from './CitizenCards';
import { ConsentHistoryCard } from './ConsentHistoryCard';
import { citizenApiPath, CITIZENS_ROOT, displayName, type CitizenAnswer } from './citizens-api';
import { LgpdCard } from './LgpdCard';

const BackLink = () => (
  <p className="breadcrumb">
    <Link to={CITIZENS_ROOT}>← Cidadãos</Link>
  </p>
);

/** /cidadaos/<key>: who the citizen is, what they agreed to, their requests and conversations, and (admins) LGPD. */
export const CitizenProfilePage = ({ citizenKey }: { citizenKey: string }) => {
  const { user, config } = useConsole();
  const loaded = useApiGet<CitizenAnswer>(citizenApiPath(citizenKey));
  if (loaded.error) {
    const message = loaded.error.status === 404 ? 'Cidadão não encontrado, ou ele não tem atendimentos nem pedidos identificados na sua secretaria.' : loaded.error.message;
    return (
      <>
        <BackLink />
        <Notice tone="error">{message}</Notice>
      </>
    );
  }
  if (!loaded.data) return <Loading label="Carregando o cidadão…" />;
  const { citizen, anonymised_at: anonymisedAt } = loaded.data;

  if (!citizen) {
    return (
      <>
        <BackLink />
        <PageHeader title="Cidadão anonimizado" />
        <Card>
          <p className="citizen-anonymised" role="status">
            Dados anonimizados em {anonymisedAt ? dateTime(anonymisedAt, config.city.timezone) : '—'}.
          </p>
          <p className="card__lead">Número, nomes, mensagens, atendimentos e fotos foram apagados. Os pedidos continuam, sem quem pediu, nas estatísticas.</p>
        </Card>
      </>
    );
  }

  const subtitle = [citizen.phone ? formatPhone(citizen.phone) : 'Sem número de WhatsApp', citizen.place?.text].filter(Boolean).join(' · ');
  return (
    <>
      <BackLink />
      <PageHeader title={displayName(citizen)} subtitle={subtitle} />
      <div className="page-columns">
        <div className="page-columns__main">
          <RequestsCard requests={citizen.requests} />
          <ConversationsCard conversations={citizen.conversations} />
        </div>
        <div className="page-columns__side">
          <ConsentCard citizen={citizen} />
          <ConsentHistoryCard citizen={citizen} />
          <DataRequestsCard dataRequests={citizen.data_requests} />
          {user.role === 'admin' && <LgpdCard citizenKey={citizen.key} phone={citizen.phone ?? citizen.key} onAnonymised={loaded.reload} />}
        </div>
      </div>
    </>
  );
};
