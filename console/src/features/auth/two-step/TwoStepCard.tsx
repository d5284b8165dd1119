import { useState, type FormEvent } from 'react';
import { useAction } from '../../../api/use-action';
import { useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { dateTime } from '../../../format/dates';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Field } from '../../../ui/Field';
import { Loading } from '../../../ui/Loading';
import { Notice } from '../../../ui/Notice';
import { RecoveryCodes } from './RecoveryCodes';
import { TwoStepDisableForm } from './TwoStepDisableForm';
import { TwoStepSetup } from './TwoStepSetup';
import './two-step.css';
import { TWO_STEP_PATH, twoStepApi, type TwoStepSetup as Setup, type TwoStepStatus } from './two-step-api';

const APPS = 'Google Authenticator, Microsoft Authenticator ou FreeOTP';

/** "Verificação em duas etapas" in Minha conta: turn it on with an authenticator app, see it, turn it off. */
export const TwoStepCard = () => {
  const { config } = useConsole();
  const status = useApiGet<TwoStepStatus>(TWO_STEP_PATH);
  const [setup, setSetup] = useState<Setup>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [password, setPassword] = useState('');
  const { running, error, run } = useAction(() => setPassword(''));
  const start = (event: FormEvent) => {
    event.preventDefault();
    void run('setup', async () => setSetup(await twoStepApi.setup(password)));
  };

  const body = () => {
    if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(undefined)} />;
    if (!status.data) return !status.error && <Loading label="Carregando…" />;
    if (setup) {
      const confirmed = (codes: string[]) => {
        setSetup(undefined);
        setRecoveryCodes(codes);
        status.reload();
      };
      return <TwoStepSetup setup={setup} onConfirmed={confirmed} onCancel={() => setSetup(undefined)} />;
    }
    if (status.data.enabled)
      return (
        <>
          <Notice tone="info">
            Ativa desde {status.data.enabled_at ? dateTime(status.data.enabled_at, config.city.timezone) : '—'}. Códigos de recuperação restantes: {status.data.recovery_codes_left}.
          </Notice>
          <TwoStepDisableForm onDisabled={status.reload} />
        </>
      );
    return (
      <form className="stack" aria-label="Ativar verificação em duas etapas" onSubmit={start} noValidate>
        <p className="card__lead">Ao entrar, além da senha, o console pede um código de 6 números do seu celular. Use um aplicativo autenticador ({APPS}).</p>
        <Field label="Senha atual" hint="Pedimos a senha de novo antes de ligar a conta a um celular.">
          {(props) => <input {...props} className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <div>
          <Button type="submit" busy={running !== undefined} disabled={!password}>
            Ativar
          </Button>
        </div>
      </form>
    );
  };

  return (
    <Card title="Verificação em duas etapas">
      {error && <Notice tone="error">{error}</Notice>}
      {status.error && <Notice tone="error">{status.error.message}</Notice>}
      {body()}
    </Card>
  );
};
