import { useAction } from '../../api/use-action';
import { useApiGet } from '../../api/use-api-get';
import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { Card } from '../../ui/Card';
import { Loading } from '../../ui/Loading';
import { CityMap } from '../../ui/map/CityMap';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { isCoordinator } from '../auth/roles';
import { mediaPath } from '../inbox/inbox-api';
import { AssignmentForm } from './AssignmentForm';
import { DuplicateCard } from './DuplicateCard';
import { PriorityForm } from './PriorityForm';
import { RequestFacts } from './RequestFacts';
import { RequestHistory } from './RequestHistory';
import { requestActions, requestPath, type RequestDetail } from './requests-api';
import { statusColor } from './status-style';
import { StatusBadge } from './StatusBadge';
import { StatusChangeForm } from './StatusChangeForm';
import { TextForm } from './TextForm';

/** One request: what was asked, where, its history, and what the user may do with it. */
export const RequestDetailPage = ({ protocol }: { protocol: string }) => {
  const { user } = useConsole();
  const loaded = useApiGet<{ request: RequestDetail }>(requestPath(protocol));
  const action = useAction(loaded.reload);
  const request = loaded.data?.request;
  if (loaded.error) return <Notice tone="error">{loaded.error.status === 404 ? `O pedido ${protocol} não existe ou não é da sua secretaria.` : loaded.error.message}</Notice>;
  if (!request) return <Loading label="Carregando o pedido…" />;

  const worksRequests = user.role !== 'operator';
  const { latitude, longitude } = request.location;
  const point = latitude !== null && longitude !== null ? { latitude, longitude } : null;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/pedidos">← Pedidos</Link>
      </p>
      <PageHeader title={`Pedido ${request.protocol}`} subtitle={request.service.name} actions={<StatusBadge status={request.status} />} />
      {action.error && <Notice tone="error">{action.error}</Notice>}
      <div className="request-page">
        <div className="request-page__main">
          <Card title="O que foi pedido">
            <p className="request-page__description">{request.description}</p>
            <p className="request-page__place">
              <strong>Local:</strong> {request.place ?? request.location.address ?? 'não informado'}
              {request.location.reference && <> · Referência: {request.location.reference}</>}
            </p>
            {request.photo_ids.length > 0 && (
              <ul className="request-page__photos" aria-label="Fotos">
                {request.photo_ids.map((id, index) => (
                  <li key={id}>
                    <a href={mediaPath(id)} target="_blank" rel="noreferrer">
                      <img src={mediaPath(id)} alt={`Foto ${index + 1} do pedido`} loading="lazy" />
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {point && (
              <CityMap
                label="Local do pedido no mapa"
                className="request-page__map"
                fitMarkers
                markers={[{ id: request.protocol, ...point, color: statusColor(request.status), title: request.protocol, detail: request.place ?? undefined }]}
              />
            )}
          </Card>
          <Card title="Histórico">
            <RequestHistory history={request.history} />
          </Card>
        </div>
        <div className="request-page__side">
          {worksRequests && (
            <Card title="Situação">
              <StatusChangeForm
                status={request.status}
                busy={action.running === 'status'}
                onChange={(status, note) => action.run('status', () => requestActions.change(request.protocol, { status, ...(note ? { note } : {}) }))}
              />
            </Card>
          )}
          {worksRequests && (
            <Card title="Quem cuida">
              <AssignmentForm request={request} busy={action.running === 'assign'} onAssign={(id) => void action.run('assign', () => requestActions.change(request.protocol, { assignee_id: id }))} />
              {isCoordinator(user) && (
                <PriorityForm priority={request.priority} busy={action.running === 'priority'} onChange={(priority) => void action.run('priority', () => requestActions.change(request.protocol, { priority }))} />
              )}
            </Card>
          )}
          <Card title="Dados">
            <RequestFacts request={request} />
          </Card>
          <DuplicateCard request={request} canLink={isCoordinator(user)} running={action.running} run={action.run} />
          <Card title="Nota interna">
            <TextForm
              name="Nota interna"
              label="Nota para a equipe"
              hint="Fica no histórico; o cidadão não recebe."
              submitLabel="Salvar nota"
              busy={action.running === 'note'}
              onSubmit={(note) => action.run('note', () => requestActions.note(request.protocol, note))}
            />
          </Card>
        </div>
      </div>
    </>
  );
};
