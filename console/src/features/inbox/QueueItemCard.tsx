import { Link } from '../../app/router';
import type { InboxItem } from './inbox-api';
import { timeAgo } from './waiting-time';

interface QueueItemCardProps {
  item: InboxItem;
  selected: boolean;
  departmentName: string;
  /** For conversations being attended: who holds it. */
  holder: string | null;
  now: number;
}

/** One citizen in the queue: name, how long they wait, the department, and the last thing they said. */
export const QueueItemCard = ({ item, selected, departmentName, holder, now }: QueueItemCardProps) => (
  <li>
    <Link to={`/atendimento/${item.id}`} className={`queue-item${item.urgent ? ' queue-item--urgent' : ''}`} aria-current={selected ? 'true' : undefined}>
      <span className="queue-item__top">
        <span className="queue-item__name">{item.citizen_name ?? 'Cidadão sem nome'}</span>
        <span className="queue-item__time">{timeAgo(item.waiting_since, now)}</span>
      </span>
      {item.message && <span className="queue-item__message">{item.message}</span>}
      <span className="queue-item__tags">
        {item.urgent && <span className="badge badge--urgent">urgente</span>}
        <span className="queue-item__department">{departmentName}</span>
        {holder && <span className="queue-item__holder">{holder}</span>}
      </span>
    </Link>
  </li>
);
