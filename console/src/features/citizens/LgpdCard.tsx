import { useState } from 'react';
import { asApiError } from '../../api/use-api-get';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { anonymise, exportPath, type CitizenRecord } from './citizens-api';

/** Admins only: the citizen's data as a file, and removing it for good. Both are recorded in the audit log. */
export const LgpdCard = ({ citizen, onAnonymised }: { citizen: CitizenRecord; onAnonymised: (requestsKept: number) => void }) => {
  const [confirming, setConfirming] = useState(false);
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onAnonymised((await anonymise(citizen.key, digits)).requests_kept);
    } catch (failure) {
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="LGPD" className="lgpd-card">
      <p>O cidadão pode pedir uma cópia dos seus dados ou que sejam apagados. As duas ações ficam registradas na auditoria.</p>
      <div className="lgpd-card__actions">
        <a className="button button--secondary" href={exportPath(citizen.key)} download>
          Exportar dados (JSON)
        </a>
        {!confirming && (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Anonimizar…
          </Button>
        )}
      </div>
      {confirming && (
        <form
          className="confirm"
          aria-label="Confirmar anonimização"
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <p>
            Isto apaga para sempre o nome, o número, as mensagens, as fotos e as conversas deste cidadão. Os pedidos continuam na Prefeitura, sem ligação com
            ele. <strong>Não pode ser desfeito.</strong>
          </p>
          <Field label="Digite os quatro últimos dígitos do número para confirmar">
            {(props) => <input {...props} className="input" inputMode="numeric" maxLength={4} value={digits} onChange={(event) => setDigits(event.target.value)} />}
          </Field>
          {error && <Notice tone="error">{error}</Notice>}
          <div className="confirm__actions">
            <Button type="submit" variant="danger" busy={busy} disabled={digits.length !== 4}>
              Anonimizar para sempre
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancelar
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
};
