import { useCatalogNames, useConsole } from '../../app/console-context';
import { dateTime } from '../../format/dates';
import type { RequestEvent } from './requests-api';

const actorLabel = (event: RequestEvent): string => {
  if (event.actor_name) return event.actor_name;
  if (event.actor === 'citizen') return 'Cidadão';
  return event.actor === 'system' ? 'Sistema' : 'Equipe';
};

/** What happened to the request, newest first, with who did it. */
export const RequestHistory = ({ history }: { history: RequestEvent[] }) => {
  const { config } = useConsole();
  const { statusLabel } = useCatalogNames();
  const events = [...history].reverse();
  return (
    <ol className="request-history">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`} className={`request-history__item request-history__item--${event.kind}`}>
          <p className="request-history__what">
            {event.kind === 'status'
              ? event.from
                ? `${statusLabel(event.from)} → ${statusLabel(event.to)}`
                : 'Pedido registrado'
              : event.kind === 'note'
                ? 'Nota interna'
                : (event.note ?? event.kind)}
          </p>
          {event.note && event.kind !== 'assignment' && event.kind !== 'priority' && event.kind !== 'link' && <p className="request-history__note">{event.note}</p>}
          <p className="request-history__meta">
            {actorLabel(event)} · {dateTime(event.at, config.city.timezone)}
          </p>
        </li>
      ))}
    </ol>
  );
};
