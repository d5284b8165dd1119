import { useConsole } from '../../app/console-context';
import type { InboxItem } from './inbox-api';
import { QueueItemCard } from './QueueItemCard';
import { useNow } from './use-inbox-changes';

interface QueueListProps {
  items: InboxItem[];
  selectedId: number | undefined;
  departmentName: (id: string | null) => string;
}

const byWaitingSince = (a: InboxItem, b: InboxItem): number => a.waiting_since.localeCompare(b.waiting_since);

/** The left column: who waits (oldest first, the urgent among them on top), then who is being attended. */
export const QueueList = ({ items, selectedId, departmentName }: QueueListProps) => {
  const { user } = useConsole();
  const now = useNow();
  const waiting = items.filter((i) => i.status === 'waiting').sort((a, b) => Number(b.urgent) - Number(a.urgent) || byWaitingSince(a, b));
  const taken = items.filter((i) => i.status === 'taken').sort((a, b) => Number(b.taken_by === user.id) - Number(a.taken_by === user.id) || byWaitingSince(a, b));

  const group = (title: string, list: InboxItem[], empty: string) => (
    <section className="queue__group" aria-label={title}>
      <h2 className="queue__title">
        {title} <span className="queue__count">{list.length}</span>
      </h2>
      {list.length === 0 ? (
        <p className="queue__empty">{empty}</p>
      ) : (
        <ul className="queue__list">
          {list.map((item) => (
            <QueueItemCard
              key={item.id}
              item={item}
              now={now}
              selected={item.id === selectedId}
              departmentName={departmentName(item.department_id)}
              holder={item.status === 'taken' ? (item.taken_by === user.id ? 'Com você' : `Com ${item.taken_by_name ?? 'outra pessoa'}`) : null}
            />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <nav className="queue" aria-label="Fila de atendimento">
      {group('Aguardando', waiting, 'Ninguém aguardando agora.')}
      {group('Em atendimento', taken, 'Nenhuma conversa em atendimento.')}
    </nav>
  );
};
