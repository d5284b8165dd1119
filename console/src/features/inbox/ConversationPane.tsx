import { useEffect, useRef, useState } from 'react';
import { useConsole } from '../../app/console-context';
import { isCoordinator } from '../auth/roles';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { inboxActions, type InboxItem } from './inbox-api';
import { Timeline } from './Timeline';
import { useConversation } from './use-conversation';
import { useAction } from '../../api/use-action';
import { WindowClosed } from './WindowClosed';

interface ConversationPaneProps {
  item: InboxItem;
  departmentName: string;
  /** Bumps on every change the server announces: the history is read again. */
  changes: number;
  /** After an action: the queue is read again at once. */
  onChanged: () => void;
  /** After transferring or closing: the conversation leaves this user's hands. */
  onLeft: () => void;
}

/** The conversation on the right: its history, and what the attendant does with it. Keyed by the conversation's id. */
export const ConversationPane = ({ item, departmentName, changes, onChanged, onLeft }: ConversationPaneProps) => {
  const { user } = useConsole();
  const { conversation, error, loadingOlder, loadOlder, refresh } = useConversation(item.id);
  const afterAction = (): void => {
    refresh();
    onChanged();
  };
  const action = useAction(afterAction);
  const [sentCount, setSentCount] = useState(0);
  const sending = async (kind: 'reply' | 'note', send: () => Promise<void>): Promise<boolean> => {
    const done = await action.run(kind, send);
    if (done) setSentCount((count) => count + 1);
    return done;
  };
  const mine = item.status === 'taken' && item.taken_by === user.id;
  const holder = mine ? 'Em atendimento com você' : `Em atendimento com ${item.taken_by_name ?? 'outra pessoa'}`;

  const changesAtOpening = useRef(changes);
  useEffect(() => {
    if (changes !== changesAtOpening.current) refresh();
  }, [changes, refresh]);

  return (
    <section className="conversation" aria-label={`Conversa com ${item.citizen_name ?? 'cidadão'}`}>
      <ConversationHeader
        item={item}
        departmentName={departmentName}
        holder={holder}
        mine={mine}
        running={action.running}
        onTake={() => void action.run('take', () => inboxActions.take(item.id))}
        onTransfer={async (department) => {
          const done = await action.run('transfer', () => inboxActions.transfer(item.id, department));
          if (done) onLeft();
          return done;
        }}
        onAssign={isCoordinator(user) ? (userId) => action.run('assign', () => inboxActions.assign(item.id, userId)) : undefined}
        onClose={() => void action.run('close', () => inboxActions.close(item.id)).then((done) => done && onLeft())}
      />
      {action.error && <Notice tone="error">{action.error}</Notice>}
      {error && <Notice tone="error">{error.message}</Notice>}
      {conversation ? (
        <Timeline
          entries={conversation.entries}
          citizenName={item.citizen_name ?? 'Cidadão'}
          hasOlder={conversation.olderBefore !== null}
          loadingOlder={loadingOlder}
          onLoadOlder={() => void loadOlder()}
          sentCount={sentCount}
        />
      ) : (
        !error && <Loading label="Carregando a conversa…" />
      )}
      {item.window_open ? (
        <Composer
          key={item.id}
          canReply={mine}
          onReply={(text) => sending('reply', () => inboxActions.reply(item.id, text))}
          onNote={(text) => sending('note', () => inboxActions.note(item.id, text))}
        />
      ) : (
        <WindowClosed canResume={mine} busy={action.running === 'resume'} onResume={() => void action.run('resume', () => inboxActions.resume(item.id))} />
      )}
    </section>
  );
};
