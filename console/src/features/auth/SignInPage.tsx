import { useState, type FormEvent } from 'react';
import type { ConsoleConfig, User } from '../../api/types';
import { asApiError } from '../../api/use-api-get';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { signIn } from './auth-api';
import { SignInCodeForm } from './SignInCodeForm';

interface SignInPageProps {
  config: ConsoleConfig;
  onSignedIn: (user: User) => void;
  /** Why the user is here again, e.g. the session expired. */
  reason?: string;
}

/** E-mail and password; then, for those with two-step verification on, the code of their authenticator app. */
export const SignInPage = ({ config, onSignedIn, reason }: SignInPageProps) => {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [pendingToken, setPendingToken] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const step = await signIn(email.trim(), password);
      if ('user' in step) return onSignedIn(step.user);
      setPendingToken(step.pendingToken);
    } catch (caught) {
      setError(asApiError(caught).message);
    }
    setPassword('');
    setBusy(false);
  };

  const startOver = (why?: string) => {
    setPendingToken(undefined);
    setError(why);
  };

  return (
    <div className="sign-in">
      <main className="sign-in__panel">
        <div className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          <div>
            <p className="brand__city">{config.city.name}</p>
            <p className="brand__product">{config.city.channel_name} · Console de atendimento</p>
          </div>
        </div>
        <h1 className="sign-in__title">{pendingToken ? 'Verificação em duas etapas' : 'Entrar'}</h1>
        {pendingToken ? (
          <SignInCodeForm pendingToken={pendingToken} onSignedIn={onSignedIn} onStartOver={startOver} />
        ) : (
          <>
            <p className="sign-in__lead">Use o e-mail e a senha que a coordenação cadastrou para você.</p>
            {reason && !error && <Notice tone="info">{reason}</Notice>}
            {error && <Notice tone="error">{error}</Notice>}
            <form className="stack" onSubmit={submit} noValidate>
              <Field label="E-mail">
                {(props) => (
                  <input {...props} className="input" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
                )}
              </Field>
              <Field label="Senha">
                {(props) => (
                  <input {...props} className="input" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
                )}
              </Field>
              <Button type="submit" busy={busy} disabled={!email.trim() || !password} className="button--block">
                Entrar
              </Button>
            </form>
          </>
        )}
        {config.simulator && (
          <p className="sign-in__simulator">
            Servidor em modo de demonstração: <a href="/simulador" target="_blank" rel="noreferrer">abrir o simulador do WhatsApp</a>.
          </p>
        )}
      </main>
    </div>
  );
};
