import { Button } from '../../ui/Button';

/** Instead of the reply box once WhatsApp's 24-hour window has closed: why, and the one way to go on. */
export const WindowClosed = ({ canResume, busy, onResume }: { canResume: boolean; busy: boolean; onResume: () => void }) => (
  <div className="window-closed" role="region" aria-label="Conversa fora da janela de 24 horas">
    <p className="window-closed__title">Conversa pausada pelo WhatsApp</p>
    <p>
      Já se passaram 24 horas desde a última mensagem do cidadão: pelas regras do WhatsApp, só é possível enviar um modelo aprovado. O botão abaixo envia o
      modelo da Prefeitura pedindo que o cidadão responda; quando ele responder, a conversa volta a ficar livre.
    </p>
    <div className="window-closed__actions">
      <Button busy={busy} disabled={!canResume} onClick={onResume}>
        Retomar conversa
      </Button>
      {!canResume && <span className="composer__hint">Assuma o atendimento para retomar a conversa.</span>}
    </div>
  </div>
);
