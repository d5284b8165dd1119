import type { InboundContent, MediaKind } from '../../conversation/input.js';
import type { WebhookMessage } from './notification.schema.js';

const MEDIA_KINDS: readonly MediaKind[] = ['image', 'audio', 'video', 'document', 'sticker'];

const mediaContent = (message: WebhookMessage, kind: MediaKind): InboundContent | undefined => {
  const media = message[kind];
  if (!media) return undefined;
  return {
    type: 'media',
    kind,
    mediaId: media.id,
    mimeType: media.mime_type ?? 'application/octet-stream',
    ...(media.sha256 ? { sha256: media.sha256 } : {}),
    ...(media.caption ? { caption: media.caption } : {}),
    ...(media.filename ? { filename: media.filename } : {}),
    ...(media.url ? { url: media.url } : {}),
    ...(media.voice !== undefined ? { voice: media.voice } : {}),
  };
};

const interactiveContent = (message: WebhookMessage): InboundContent | undefined => {
  const interactive = message.interactive;
  if (interactive?.button_reply) return { type: 'reply', source: 'button', ...pick(interactive.button_reply) };
  if (interactive?.list_reply) return { type: 'reply', source: 'list', ...pick(interactive.list_reply) };
  return undefined;
};

const pick = (reply: { id: string; title: string }) => ({ id: reply.id, title: reply.title });

const unsupported = (message: WebhookMessage): InboundContent => ({
  type: 'unsupported',
  originalType: message.unsupported?.type ?? message.type,
  ...(message.errors?.[0] ? { errorCode: message.errors[0].code } : {}),
});

/** Turns one webhook message into content; any type we do not act on becomes `unsupported`, never an error. */
export const toInboundContent = (message: WebhookMessage): InboundContent => {
  if (message.type === 'text' && message.text) return { type: 'text', body: message.text.body };
  if (message.type === 'interactive') return interactiveContent(message) ?? unsupported(message);
  if (message.type === 'button' && message.button)
    return { type: 'reply', source: 'template', id: message.button.payload ?? message.button.text, title: message.button.text };
  if (message.type === 'location' && message.location) {
    const { latitude, longitude, name, address } = message.location;
    return { type: 'location', latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) };
  }
  if ((MEDIA_KINDS as readonly string[]).includes(message.type))
    return mediaContent(message, message.type as MediaKind) ?? unsupported(message);
  if (message.type === 'contacts' && message.contacts)
    return { type: 'contacts', names: message.contacts.map((c) => c.name?.formatted_name ?? '').filter(Boolean) };
  if (message.type === 'reaction' && message.reaction)
    return { type: 'reaction', messageId: message.reaction.message_id, emoji: message.reaction.emoji || null };
  if (message.type === 'system' && message.system)
    return {
      type: 'system',
      kind: message.system.type ?? 'unknown',
      body: message.system.body ?? '',
      ...(message.system.wa_id ? { newWaId: message.system.wa_id } : {}),
    };
  return unsupported(message);
};
