import type { ChatMessage, OutboundChatMessage } from './types.js';

/** A choice a bot message offers the citizen: a reply button, a list row or a template quick reply. */
export interface Offer {
  kind: 'button' | 'list' | 'template';
  id: string;
  title: string;
  description?: string;
  /** The bot message (wamid) offering it; a tap quotes it in `context`. */
  messageId: string;
}

/** Titles of a template's quick-reply buttons, by name and language. */
export type QuickReplyTitles = (name: string, language: string) => string[] | undefined;

interface InteractiveContent {
  type?: string;
  action?: {
    buttons?: Array<{ reply?: { id?: string; title?: string } }>;
    sections?: Array<{ rows?: Array<{ id?: string; title?: string; description?: string }> }>;
  };
}

interface TemplateContent {
  name?: string;
  language?: { code?: string };
  components?: Array<{ type?: string; sub_type?: string; index?: string | number; parameters?: Array<{ payload?: string; text?: string }> }>;
}

const templateOffers = (message: OutboundChatMessage, titles: QuickReplyTitles): Offer[] => {
  const template = message.message.template as TemplateContent | undefined;
  const names = template?.name && template.language?.code ? titles(template.name, template.language.code) ?? [] : [];
  return (template?.components ?? [])
    .filter((c) => c.type?.toLowerCase() === 'button' && c.sub_type?.toLowerCase() === 'quick_reply')
    .flatMap((c) => {
      const payload = c.parameters?.find((p) => p.payload !== undefined)?.payload;
      if (payload === undefined) return [];
      const title = names[Number(c.index ?? 0)] ?? payload;
      return [{ kind: 'template' as const, id: payload, title, messageId: message.id }];
    });
};

export const offersOf = (message: OutboundChatMessage, titles: QuickReplyTitles): Offer[] => {
  if (message.type === 'template') return templateOffers(message, titles);
  if (message.type !== 'interactive') return [];
  const interactive = message.message.interactive as InteractiveContent | undefined;
  if (interactive?.type === 'button') {
    return (interactive.action?.buttons ?? []).flatMap((b) =>
      b.reply?.id !== undefined ? [{ kind: 'button' as const, id: b.reply.id, title: b.reply.title ?? '', messageId: message.id }] : [],
    );
  }
  if (interactive?.type === 'list') {
    return (interactive.action?.sections ?? []).flatMap((s) =>
      (s.rows ?? []).flatMap((r) =>
        r.id !== undefined
          ? [{ kind: 'list' as const, id: r.id, title: r.title ?? '', ...(r.description ? { description: r.description } : {}), messageId: message.id }]
          : [],
      ),
    );
  }
  return [];
};

/** The newest bot message offering `replyId` (or exactly the one given as context). */
export const findOffer = (messages: ChatMessage[], replyId: string, titles: QuickReplyTitles, contextId?: string): Offer | undefined => {
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (!message || message.direction !== 'out' || (contextId && message.id !== contextId)) continue;
    const offer = offersOf(message, titles).find((o) => o.id === replyId);
    if (offer) return offer;
  }
  return undefined;
};
