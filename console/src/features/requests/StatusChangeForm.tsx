import { useState } from 'react';
import { useCatalogNames, useConsole } from '../../app/console-context';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

interface StatusChangeFormProps {
  status: string;
  busy: boolean;
  onChange: (status: string, note: string) => Promise<boolean>;
}

/** Moves the request to a status it may go to; the note goes with it to the citizen on WhatsApp. */
export const StatusChangeForm = ({ status, busy, onChange }: StatusChangeFormProps) => {
  const { config } = useConsole();
  const { statusLabel } = useCatalogNames();
  const next = config.statuses.find((s) => s.code === status)?.next ?? [];
  const [chosen, setChosen] = useState('');
  const [note, setNote] = useState('');
  const target = chosen || next[0] || '';
  if (next.length === 0) return <p className="muted">Este pedido está {statusLabel(status).toLowerCase()}: não muda mais de situação.</p>;

  return (
    <form
      className="stack"
      aria-label="Mudar situação"
      onSubmit={(event) => {
        event.preventDefault();
        void onChange(target, note.trim()).then((done) => {
          if (!done) return;
          setNote('');
          setChosen('');
        });
      }}
    >
      <Field label="Nova situação">
        {(props) => (
          <select {...props} className="input" value={target} onChange={(event) => setChosen(event.target.value)}>
            {next.map((code) => (
              <option key={code} value={code}>
                {statusLabel(code)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Mensagem ao cidadão (opcional)" hint="Vai junto com o aviso da mudança, no WhatsApp do cidadão e de quem acompanha o pedido.">
        {(props) => <textarea {...props} className="input" rows={3} value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <Button type="submit" busy={busy} disabled={!target}>
        Mudar para {statusLabel(target).toLowerCase()}
      </Button>
    </form>
  );
};
