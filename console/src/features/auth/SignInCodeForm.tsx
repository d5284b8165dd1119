import { useState, type FormEvent } from 'react';
import type { User } from '../../api/types';
import { useAction } from '../../api/use-action';
import { asApiError } from '../../api/use-api-get';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { signInWithCode } from './auth-api';

/** Answers that mean the pending sign-in is over: the password must be typed again. */
const STARTS_OVER = new Set(['auth.sign_in_expired', 'auth.too_many_codes']);

interface SignInCodeFormProps {
  pendingToken: string;
  onSignedIn: (user: User) => void;
  /** Back to e-mail and password, with the reason when the server ended the pending sign-in. */
  onStartOver: (reason?: string) => void;
}

/** The second step of signing in: the 6 digits of the authenticator app, or a recovery code. */
export const SignInCodeForm = ({ pendingToken, onSignedIn, onStartOver }: SignInCodeFormProps) => {
  const [code, setCode] = useState('');
  const { running, error, run } = useAction(() => undefined);

  const attempt = async () => {
    try {
      onSignedIn(await signInWithCode(pendingToken, code.trim()));
    } catch (caught) {
      const failure = asApiError(caught);
      if (!STARTS_OVER.has(failure.code)) throw failure;
      onStartOver(failure.message);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await run('code', attempt))) setCode('');
  };

  return (
    <form className="stack" aria-label="Segunda etapa" onSubmit={submit} noValidate>
      <p className="sign-in__lead">Abra o aplicativo autenticador do celular e digite o código de 6 números do Whats Palmas.</p>
      {error && <Notice tone="error">{error}</Notice>}
      <Field label="Código de verificação" hint="Perdeu o celular? Digite um dos seus códigos de recuperação.">
        {(props) => (
          <input {...props} className="input" inputMode="numeric" autoComplete="one-time-code" autoFocus required maxLength={20} value={code} onChange={(e) => setCode(e.target.value)} />
        )}
      </Field>
      <Button type="submit" busy={running !== undefined} disabled={code.trim().length < 6} className="button--block">
        Confirmar
      </Button>
      <Button variant="ghost" onClick={() => onStartOver()}>
        Voltar
      </Button>
    </form>
  );
};
