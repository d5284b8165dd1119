import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';

/** The recovery codes, shown once after turning two-step on: to be written down or kept somewhere safe. */
export const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => {
  const [copied, setCopied] = useState(false);
  return (
    <Notice tone="success">
      <p>
        Verificação em duas etapas ativada. Guarde estes códigos de recuperação em lugar seguro: se perder o celular, cada um serve uma vez para entrar. Eles aparecem só agora.
      </p>
      <ul className="recovery-codes" aria-label="Códigos de recuperação">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="button-row">
        <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? 'Copiados' : 'Copiar'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Já guardei
        </Button>
      </p>
    </Notice>
  );
};
