import { useEffect, useRef, useState, type FormEvent } from 'react';
import { asApiError } from '../../api/use-api-get';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Notice } from '../../ui/Notice';
import { anonymise, exportPath } from './citizens-api';

const lastFour = (phone: string): string => phone.replace(/\D/g, '').slice(-4);

interface DialogProps {
  citizenKey: string;
  phone: string;
  onClose: () => void;
  onDone: () => void;
}

/** Asks the admin to type the number's last four digits before removing the citizen's data for good. */
const AnonymiseDialog = ({ citizenKey, phone, onClose, onDone }: DialogProps) => {
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await anonymise(citizenKey, typed);
      onDone();
    } catch (failure) {
      setError(asApiError(failure).message);
      setBusy(false);
    }
  };
  const matches = typed.replace(/\D/g, '') === lastFour(phone);

  return (
    <dialog ref={dialog} className="lgpd-dialog" aria-labelledby="anonymise-title" onCancel={onClose}>
      <form onSubmit={(event) => void confirm(event)}>
        <h2 id="anonymise-title" className="lgpd-dialog__title">
          Anonimizar este cidadão?
        </h2>
        <p>Isto não pode ser desfeito. Serão apagados para sempre:</p>
        <ul className="lgpd-dialog__list">
          <li>número, nomes, endereço e consentimentos;</li>
          <li>mensagens recebidas e enviadas, atendimentos e fotos;</li>
          <li>o contato dele nos pedidos.</li>
        </ul>
        <p>Os pedidos continuam, sem quem pediu, para as estatísticas da prefeitura. Se precisar entregar uma cópia ao cidadão, exporte os dados antes.</p>
        <label className="field__label" htmlFor="anonymise-digits">
          Para confirmar, digite os 4 últimos dígitos do número
        </label>
        <input
          id="anonymise-digits"
          className="input lgpd-dialog__digits"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        {error && <Notice tone="error">{error}</Notice>}
        <div className="lgpd-dialog__actions">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancelar
          </Button>
          <Button type="submit" variant="danger" busy={busy} disabled={!matches}>
            Anonimizar para sempre
          </Button>
        </div>
      </form>
    </dialog>
  );
};

/** Admins only: the LGPD copy of everything stored (JSON) and the anonymisation. Both are written to the audit log. */
export const LgpdCard = ({ citizenKey, phone, onAnonymised }: { citizenKey: string; phone: string; onAnonymised: () => void }) => {
  const [asking, setAsking] = useState(false);
  return (
    <Card title="LGPD">
      <p className="card__lead">Exportar e anonimizar ficam registrados no log de auditoria, com o seu nome.</p>
      <div className="lgpd-actions">
        <a className="button button--secondary" href={exportPath(citizenKey)} download>
          Exportar dados (JSON)
        </a>
        <Button variant="danger" onClick={() => setAsking(true)}>
          Anonimizar
        </Button>
      </div>
      {asking && (
        <AnonymiseDialog
          citizenKey={citizenKey}
          phone={phone}
          onClose={() => setAsking(false)}
          onDone={() => {
            setAsking(false);
            onAnonymised();
          }}
        />
      )}
    </Card>
  );
};
