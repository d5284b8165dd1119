import { useConsole } from '../../app/console-context';
import { Link } from '../../app/router';
import { dateTime } from '../../format/dates';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { PageHeader } from '../../ui/PageHeader';
import type { Registered } from './requests-api';

/** The protocol, large, to read back to the caller, and what happens next. */
export const IntakeDone = ({ registered, onAnother }: { registered: Registered; onAnother: () => void }) => {
  const { config } = useConsole();
  return (
    <>
      <PageHeader title="Pedido registrado" subtitle={`${registered.service.name} · ${registered.department.name}`} />
      <Card className="intake-done">
        <p className="intake-done__label">Leia o protocolo para quem ligou:</p>
        <p className="intake-done__protocol" aria-label="Protocolo">
          {registered.protocol}
        </p>
        <ul className="intake-done__facts">
          {registered.due_at && <li>Prazo: {dateTime(registered.due_at, config.city.timezone)}{registered.deadline_business_days ? ` (${registered.deadline_business_days} dias úteis)` : ''}</li>}
          {registered.duplicate_of && <li>Já havia um pedido igual por perto ({registered.duplicate_of}): este foi ligado a ele.</li>}
          <li>{registered.sent_on_whatsapp ? 'O cidadão também recebeu o protocolo no WhatsApp.' : 'O número não fala com a Prefeitura no WhatsApp: o contato ficou no pedido para retorno.'}</li>
        </ul>
        <div className="intake-done__actions">
          <Button onClick={onAnother}>Registrar outra ligação</Button>
          <Link to={`/pedidos/${registered.protocol}`} className="button button--secondary">
            Ver o pedido
          </Link>
        </div>
      </Card>
    </>
  );
};
