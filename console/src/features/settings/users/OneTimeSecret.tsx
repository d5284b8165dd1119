import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { Notice } from '../../../ui/Notice';

/** A password or key shown once: say so, show it large, and copy it. */
export const OneTimeSecret = ({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) => {
  const [copied, setCopied] = useState(false);
  return (
    <Notice tone="success">
      <p>{label} Ela aparece só agora: copie e entregue à pessoa.</p>
      <p className="one-time-secret">
        <code>{secret}</code>
        <Button
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copiado' : 'Copiar'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Pronto
        </Button>
      </p>
    </Notice>
  );
};
