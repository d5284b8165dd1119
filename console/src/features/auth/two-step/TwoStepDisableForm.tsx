import { useState, type FormEvent } from 'react';
import { useAction } from '../../../api/use-action';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { twoStepApi } from './two-step-api';

/** Turning two-step off asks for the password and a current code (or a recovery code). */
export const TwoStepDisableForm = ({ onDisabled }: { onDisabled: () => void }) => {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { running, error, run } = useAction(onDisabled);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await run('disable', () => twoStepApi.disable(password, code.trim())))) setCode('');
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
        <Button type="submit" variant="danger" busy={running !== undefined} disabled={!password || code.trim().length < 6}>
          Desativar
        </Button>
      </div>
    </form>
  );
};
