import { useState, type FormEvent } from 'react';
import { useAction } from '../../../api/use-action';
import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { QrCode } from '../../../ui/QrCode';
import { inGroupsOfFour, twoStepApi, type TwoStepSetup as Setup } from './two-step-api';

interface TwoStepSetupProps {
  setup: Setup;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** Enrolment: the QR code (or the key by hand) into the app, then a code from it to prove it works. */
export const TwoStepSetup = ({ setup, onConfirmed, onCancel }: TwoStepSetupProps) => {
  const [code, setCode] = useState('');
  const { running, error, run } = useAction(() => undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const confirmed = await run('confirm', async () => onConfirmed((await twoStepApi.confirm(code.trim())).recovery_codes));
    if (!confirmed) setCode('');
  };

  return (
    <div className="stack">
      <p className="card__lead">1. No aplicativo autenticador do celular, toque em adicionar e leia este código QR.</p>
      <QrCode text={setup.otpauth_uri} label="Código QR para o aplicativo autenticador" />
      <p className="card__lead">Sem câmera? Digite esta chave no aplicativo (tipo: baseada no tempo):</p>
      <p className="two-step-key" aria-label="Chave para digitar">
        {inGroupsOfFour(setup.secret).map((group, index) => (
          <code key={index}>{group}</code>
        ))}
      </p>
      <form className="stack" aria-label="Confirmar verificação em duas etapas" onSubmit={submit} noValidate>
        {error && <Notice tone="error">{error}</Notice>}
        <Field label="2. Código de 6 números que o aplicativo mostra">
          {(props) => <input {...props} className="input input--code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <div className="button-row">
          <Button type="submit" busy={running !== undefined} disabled={!/^\d{6}$/.test(code.trim())}>
            Confirmar e ativar
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancelar
          </Button>
        </div>
      </form>
    </div>
  );
};
