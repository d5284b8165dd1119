import { useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../ui/Button';
import { CannedRepliesPicker } from './CannedRepliesPicker';

type Mode = 'reply' | 'note';

interface ComposerProps {
  /** Whether the user attends this conversation: only then may they answer the citizen. */
  canReply: boolean;
  onReply: (text: string) => Promise<boolean>;
  onNote: (text: string) => Promise<boolean>;
}

/**
 * Where the attendant writes: an answer to the citizen (Enter sends, Shift+Enter breaks the line) or an internal note
 * the citizen never sees. Ready answers fill the box to be reviewed before sending.
 */
export const Composer = ({ canReply, onReply, onNote }: ComposerProps) => {
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const replying = mode === 'reply';
  const blocked = replying && !canReply;

  const send = async (): Promise<void> => {
    if (!text.trim() || sending || blocked) return;
    setSending(true);
    const sent = await (replying ? onReply(text) : onNote(text));
    setSending(false);
    if (sent) setText('');
    box.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  return (
    <form
      className={`composer${replying ? '' : ' composer--note'}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer__modes" role="group" aria-label="Tipo de mensagem">
        <button type="button" className="composer__mode" aria-pressed={replying} onClick={() => setMode('reply')}>
          Responder
        </button>
        <button type="button" className="composer__mode" aria-pressed={!replying} onClick={() => setMode('note')}>
          Nota interna
        </button>
        {replying && <CannedRepliesPicker disabled={blocked} onPick={(body) => { setText(body); box.current?.focus(); }} />}
      </div>
      <textarea
        ref={box}
        className="input composer__box"
        aria-label={replying ? 'Resposta ao cidadão' : 'Nota interna'}
        placeholder={
          blocked ? 'Assuma o atendimento para responder.' : replying ? 'Escreva a resposta… (Enter envia, Shift+Enter quebra a linha)' : 'Só a equipe vê as notas internas. (Enter salva)'
        }
        rows={3}
        value={text}
        disabled={blocked}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer__footer">
        <span className="composer__hint">{replying ? 'Sua resposta vai assinada com o seu nome.' : 'Nota interna: nunca é enviada ao cidadão.'}</span>
        <Button type="submit" variant={replying ? 'primary' : 'secondary'} busy={sending} disabled={blocked || !text.trim()}>
          {replying ? 'Enviar' : 'Salvar nota'}
        </Button>
      </div>
    </form>
  );
};
