import { Fragment, type ReactNode } from 'react';
import { parseWhatsApp, type WhatsAppNode } from './whatsapp-format';

const TAGS = { bold: 'strong', italic: 'em', strike: 's' } as const;

const render = (nodes: readonly WhatsAppNode[]): ReactNode[] =>
  nodes.map((node, index) => {
    if (node.kind === 'text') return <Fragment key={index}>{node.text}</Fragment>;
    if (node.kind === 'break') return <br key={index} />;
    if (node.kind === 'mono') return <code key={index} className="wa-mono">{node.text}</code>;
    const Tag = TAGS[node.kind];
    return <Tag key={index}>{render(node.children)}</Tag>;
  });

/** A message's text with WhatsApp's formatting drawn as the phone draws it (React elements, never raw HTML). */
export const WhatsAppText = ({ text }: { text: string }) => <>{render(parseWhatsApp(text))}</>;
