import { useState, type FormEvent } from 'react';
import { asApiError } from '../../api/use-api-get';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { changePassword } from './auth-api';

const MIN = 10;

/** Current password, new one twice; the server's rules are explained before they are enforced. */
export const ChangePasswordForm = ({ currentLabel, onChanged }: { currentLabel: string; onChanged: () => void }) => {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const mismatch = again.length > 0 && again !== next;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await changePassword(current, next);
      onChanged();
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" aria-label="Trocar senha" onSubmit={submit} noValidate>
      {error && <Notice tone="error">{error}</Notice>}
      <Field label={currentLabel}>
        {(props) => <input {...props} className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
      </Field>
      <Field label="Nova senha" hint={`Ao menos ${MIN} caracteres. Uma frase curta é fácil de lembrar e difícil de adivinhar; não use seu nome nem seu e-mail.`}>
        {(props) => <input {...props} className="input" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
      </Field>
      <Field label="Repita a nova senha" hint={mismatch ? 'As duas senhas ainda não são iguais.' : undefined}>
        {(props) => <input {...props} className="input" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
      </Field>
      <div>
        <Button type="submit" busy={busy} disabled={!current || next.length < MIN || again !== next}>
          Salvar nova senha
        </Button>
      </div>
    </form>
  );
};
