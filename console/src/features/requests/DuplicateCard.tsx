import { Link } from '../../app/router';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { requestActions, type RequestDetail } from './requests-api';
import { TextForm } from './TextForm';

interface DuplicateCardProps {
  request: RequestDetail;
  /** Coordinators and admins link and unlink. */
  canLink: boolean;
  running: string | undefined;
  run: (name: string, action: () => Promise<unknown>) => Promise<boolean>;
}

/** Repeated reports: the request this one repeats, the ones that repeat it, and linking for coordinators. */
export const DuplicateCard = ({ request, canLink, running, run }: DuplicateCardProps) => {
  if (!canLink && !request.duplicate_of && request.duplicates.length === 0) return null;
  return (
    <Card title="Pedidos repetidos">
      {request.duplicate_of ? (
        <div className="stack">
          <p>
            Repete o pedido <Link to={`/pedidos/${request.duplicate_of}`}>{request.duplicate_of}</Link>: fecha junto com ele, e quem pediu acompanha o andamento por lá.
          </p>
          {canLink && (
            <Button variant="ghost" busy={running === 'unlink'} onClick={() => void run('unlink', () => requestActions.unlink(request.protocol))}>
              Desfazer ligação
            </Button>
          )}
        </div>
      ) : (
        canLink && (
          <TextForm
            name="Ligar a outro pedido"
            label="Este pedido repete o protocolo"
            placeholder="AAAA-NNNNNN"
            short
            submitLabel="Ligar como repetido"
            busy={running === 'link'}
            onSubmit={(primary) => run('link', () => requestActions.linkTo(request.protocol, primary))}
          />
        )
      )}
      {request.duplicates.length > 0 && (
        <p>
          Repetido por:{' '}
          {request.duplicates.map((protocol, index) => (
            <span key={protocol}>
              {index > 0 && ', '}
              <Link to={`/pedidos/${protocol}`}>{protocol}</Link>
            </span>
          ))}
        </p>
      )}
    </Card>
  );
};
