import { useState, type FormEvent } from 'react';
import { api } from '../../../api/client';
import { asApiError, useApiGet } from '../../../api/use-api-get';
import { useConsole } from '../../../app/console-context';
import { dateTime } from '../../../format/dates';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { EmptyState } from '../../../ui/EmptyState';
import { Field } from '../../../ui/Field';
import { Notice } from '../../../ui/Notice';
import { OneTimeSecret } from '../users/OneTimeSecret';

interface ApiKey {
  id: number;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

const KEYS_PATH = '/api/open311/keys';

/** Keys for systems that register requests through Open311 (FixMyStreet and the like); admins only. */
export const KeysPage = () => {
  const { config } = useConsole();
  const keys = useApiGet<{ keys: ApiKey[] }>(KEYS_PATH);
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<{ label: string; key: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const issue = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post<{ key: ApiKey & { api_key: string } }>(KEYS_PATH, { label });
      setIssued({ label: answer.key.label, key: answer.key.api_key });
      setLabel('');
      keys.reload();
    } catch (failure) {
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (key: ApiKey): Promise<void> => {
    if (!window.confirm(`Revogar a chave "${key.label}"? O sistema que a usa deixa de registrar pedidos.`)) return;
    try {
      await api.delete(`${KEYS_PATH}/${key.id}`);
      keys.reload();
    } catch (failure) {
      setError(asApiError(failure).message);
    }
  };

  return (
    <div className="stack">
      <Card title="Nova chave Open311">
        <p>
          Sistemas como o FixMyStreet registram pedidos em <code>/open311/v2</code> enviando a chave no campo <code>api_key</code>. Dê uma chave a cada sistema, para
          poder revogar só a dele.
        </p>
        <form className="form-row" aria-label="Nova chave" onSubmit={(event) => void issue(event)}>
          <Field label="Para quem é">{(props) => <input {...props} className="input" maxLength={100} value={label} placeholder="FixMyStreet Palmas" onChange={(e) => setLabel(e.target.value)} />}</Field>
          <div className="form-row__end">
            <Button type="submit" busy={busy} disabled={!label.trim()}>
              Gerar chave
            </Button>
          </div>
        </form>
      </Card>
      {issued && <OneTimeSecret label={`Chave de ${issued.label}.`} secret={issued.key} onDone={() => setIssued(undefined)} />}
      {(error ?? keys.error) && <Notice tone="error">{error ?? keys.error?.message}</Notice>}
      {keys.data?.keys.length === 0 ? (
        <EmptyState>Nenhuma chave emitida.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Chaves Open311">
            <thead>
              <tr>
                <th scope="col">Para quem</th>
                <th scope="col">Emitida em</th>
                <th scope="col">Situação</th>
                <th scope="col">Ações</th>
              </tr>
            </thead>
            <tbody>
              {keys.data?.keys.map((key) => (
                <tr key={key.id}>
                  <td>{key.label}</td>
                  <td>{dateTime(key.created_at, config.city.timezone)}</td>
                  <td>{key.revoked_at ? `Revogada em ${dateTime(key.revoked_at, config.city.timezone)}` : 'Ativa'}</td>
                  <td>
                    {!key.revoked_at && (
                      <Button variant="ghost" onClick={() => void revoke(key)}>
                        Revogar
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
};
