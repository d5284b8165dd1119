import { useState, type FormEvent } from 'react';
import { asApiError } from '../../../api/use-api-get';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { twoStepApi } from './two-step-api';

/** Turning two-step off asks for the password and a current code (or a recovery code). */
export const TwoStepDisableForm = ({ onDisabled }: { onDisabled: () => void }) => {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await twoStepApi.disable(password, code.trim());
      onDisabled();
    } catch (caught) {
      setError(asApiError(caught).message);
      setCode('');
      setBusy(false);
    }
  };

  return (
    <form className="stack" aria-label="Desativar verificação em duas etapas" onSubmit={submit} noValidate>
      {error && <Notice tone="error">{error}</Notice>}
      <Field label="Senha atual">
        {(props) => <input {...props} className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Field label="Código do aplicativo" hint="Ou um código de recuperação.">
        {(props) => <input {...props} className="input input--code" inputMode="numeric" autoComplete="one-time-code" maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <div>
        <Button type="submit" variant="danger" busy={busy} disabled={!password || code.trim().length < 6}>
          Desativar
        </Button>
      </div>
    </form>
  );
};
