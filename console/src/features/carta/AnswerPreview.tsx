import { useState } from 'react';
import { WhatsAppBubble, WhatsAppScreen } from '../../ui/whatsapp/WhatsAppBubble';
import { ANSWER_BUTTONS, answerMessage, DETAILS_BUTTONS, detailsMessage } from './answer-preview';
import type { CartaEntry } from './carta-api';

/** The answer exactly as the citizen's phone shows it, kept current as the coordinator types; "Mais detalhes" on request. */
export const AnswerPreview = ({ entry, publicUrl }: { entry: CartaEntry; publicUrl: string | null }) => {
  const [details, setDetails] = useState(false);
  return (
    <div className="carta-preview">
      <WhatsAppScreen caption="Como o cidadão vê a resposta">
        <WhatsAppBubble body={answerMessage(entry, publicUrl) || ' '} buttons={ANSWER_BUTTONS} />
        {details && (
          <>
            <div className="wa-preview__sent" aria-hidden="true">
              Mais detalhes
            </div>
            <WhatsAppBubble body={detailsMessage(entry)} buttons={DETAILS_BUTTONS} />
          </>
        )}
      </WhatsAppScreen>
      <button type="button" className="button button--ghost carta-preview__toggle" aria-pressed={details} onClick={() => setDetails((d) => !d)}>
        {details ? 'Esconder “Mais detalhes”' : 'Ver “Mais detalhes”'}
      </button>
    </div>
  );
};
