import { useCallback, useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { navigate } from '../../app/router';
import { plural } from '../../format/numbers';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';
import { ConversationPane } from './ConversationPane';
import { useDepartmentName } from './department-names';
import { INBOX_PATH, type InboxItem } from './inbox-api';
import './inbox.css';
import { QueueList } from './QueueList';
import { useInboxChanges } from './use-inbox-changes';

export const INBOX_ROOT = '/atendimento';

/** The conversation a path points at: `/atendimento/42`. */
const selectedIdOf = (path: string): number | undefined => {
  const id = Number(path.slice(INBOX_ROOT.length + 1));
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

/** "Atendimento": the queue on the left, the chosen conversation on the right, kept live by the server's events. */
export const InboxPage = ({ path }: { path: string }) => {
  const inbox = useApiGet<{ items: InboxItem[] }>(INBOX_PATH);
  const departmentName = useDepartmentName();
  const [changes, setChanges] = useState(0);
  const { reload } = inbox;
  const onChange = useCallback(() => {
    reload();
    setChanges((n) => n + 1);
  }, [reload]);
  useInboxChanges(onChange);

  const items = inbox.data?.items ?? [];
  const selectedId = selectedIdOf(path);
  const selected = items.find((i) => i.id === selectedId);
  const waiting = items.filter((i) => i.status === 'waiting').length;
  const waitingText = waiting === 0 ? 'Ninguém aguardando' : plural(waiting, 'pessoa aguardando', 'pessoas aguardando');
  const subtitle = inbox.data ? `${waitingText} · ${plural(items.length - waiting, 'em atendimento', 'em atendimento')}` : undefined;

  return (
    <div className="inbox-page">
      <PageHeader title="Atendimento" subtitle={subtitle} />
      {inbox.error && <Notice tone="error">{inbox.error.message}</Notice>}
      <div className="inbox">
        <div className="inbox__queue">{inbox.data ? <QueueList items={items} selectedId={selectedId} departmentName={departmentName} /> : !inbox.error && <Loading />}</div>
        <div className="inbox__conversation">
          {selected ? (
            <ConversationPane
              key={selected.id}
              item={selected}
              departmentName={departmentName(selected.department_id)}
              changes={changes}
              onChanged={reload}
              onLeft={() => navigate(INBOX_ROOT)}
            />
          ) : (
            <div className="inbox__empty">
              <p className="inbox__empty-title">{selectedId && inbox.data ? 'Esta conversa não está mais na fila.' : 'Escolha uma conversa na fila'}</p>
              <p>{selectedId && inbox.data ? 'Ela foi encerrada ou transferida para outra equipe.' : 'As mensagens aparecem aqui, e as novas chegam sozinhas.'}</p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
};
