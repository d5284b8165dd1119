import type { ReactNode } from 'react';
import { WhatsAppText } from './WhatsAppText';
import './whatsapp.css';

interface WhatsAppBubbleProps {
  /** Bold first line (a template's header). */
  header?: string | undefined;
  /** The message as sent, WhatsApp formatting and line breaks included. */
  body: string;
  /** Small grey last line. */
  footer?: string | undefined;
  /** Reply or link buttons under the bubble, as the phone shows them. */
  buttons?: readonly string[];
}

/** One message as it arrives on the citizen's phone: the bubble and its buttons. */
export const WhatsAppBubble = ({ header, body, footer, buttons = [] }: WhatsAppBubbleProps) => (
  <div className="wa-message">
    <div className="wa-preview__bubble">
      {header && <p className="wa-preview__header">{header}</p>}
      <p className="wa-preview__body">
        <WhatsAppText text={body} />
      </p>
      {footer && <p className="wa-preview__footer">{footer}</p>}
    </div>
    {buttons.map((text) => (
      <div key={text} className="wa-preview__button">
        {text}
      </div>
    ))}
  </div>
);

/** The chat background around one or more bubbles, named for assistive technology ("Prévia no WhatsApp"). */
export const WhatsAppScreen = ({ caption, label = 'Prévia no WhatsApp', children }: { caption: string; label?: string; children: ReactNode }) => (
  <figure className="wa-preview" aria-label={label}>
    <figcaption className="wa-preview__caption">{caption}</figcaption>
    {children}
  </figure>
);
