import { useId, useState } from 'react';
import { useApiGet } from '../../api/use-api-get';
import { Button } from '../../ui/Button';
import { CANNED_REPLIES_PATH, type CannedReply } from './inbox-api';

/** "Respostas prontas": a list of the team's ready answers; choosing one fills the reply box to be reviewed. */
export const CannedRepliesPicker = ({ onPick, disabled }: { onPick: (body: string) => void; disabled: boolean }) => {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const replies = useApiGet<{ replies: CannedReply[] }>(open ? CANNED_REPLIES_PATH : null);
  const list = replies.data?.replies ?? [];

  return (
    <div className="canned">
      <Button variant="ghost" aria-expanded={open} aria-controls={listId} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        Respostas prontas
      </Button>
      {open && (
        <div className="canned__panel" id={listId} role="region" aria-label="Respostas prontas">
          {replies.error && <p className="canned__message">{replies.error.message}</p>}
          {!replies.error && !replies.data && <p className="canned__message">Carregando…</p>}
          {replies.data && list.length === 0 && <p className="canned__message">Nenhuma resposta pronta para a sua equipe.</p>}
          <ul>
            {list.map((reply) => (
              <li key={reply.id}>
                <button
                  type="button"
                  className="canned__option"
                  onClick={() => {
                    onPick(reply.body);
                    setOpen(false);
                  }}
                >
                  <span className="canned__title">{reply.title}</span>
                  <span className="canned__body">{reply.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
};
