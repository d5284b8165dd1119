import { useState, type FormEvent } from 'react';
import { asApiError } from '../../../api/use-api-get';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { addClosure } from './closures-api';

export const AddClosureForm = ({ onAdded }: { onAdded: () => void }) => {
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'error' | 'success'; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      await addClosure({ first_day: firstDay, ...(lastDay ? { last_day: lastDay } : {}), reason: reason.trim() });
      setFirstDay('');
      setLastDay('');
      setReason('');
      setOutcome({ tone: 'success', text: 'Fechamento incluído.' });
      onAdded();
    } catch (caught) {
      setOutcome({ tone: 'error', text: asApiError(caught).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={submit}>
      {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
      <div className="form-row">
        <Field label="Primeiro dia">
          {(props) => <input {...props} className="input" type="date" required value={firstDay} onChange={(e) => setFirstDay(e.target.value)} />}
        </Field>
        <Field label="Último dia" hint="Deixe em branco para um dia só.">
          {(props) => <input {...props} className="input" type="date" min={firstDay || undefined} value={lastDay} onChange={(e) => setLastDay(e.target.value)} />}
        </Field>
      </div>
      <Field label="Motivo" hint="Decreto, recesso, ponto facultativo… Só a equipe vê este texto.">
        {(props) => <input {...props} className="input" type="text" required maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div>
        <Button type="submit" busy={busy} disabled={!firstDay || !reason.trim()}>
          Incluir fechamento
        </Button>
      </div>
    </form>
  );
};
