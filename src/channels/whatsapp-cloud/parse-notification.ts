import type { InboundMessage, ParsedNotification, StatusEvent } from '../../domain/messaging/notification.js';
import { toInboundContent } from './inbound-content.js';
import {
  messageSchema,
  messagesValueSchema,
  statusSchema,
  type Notification,
  type WebhookContact,
  type WebhookMessage,
  type WebhookStatus,
} from './notification.schema.js';

export type { ParsedNotification };

/** Meta sends whole seconds, kept as whole ms; a time that cannot be one (zero, negative, too big to store) means "now". */
const toMillis = (timestamp: string | number): number => {
  const millis = Math.round(Number(timestamp) * 1000);
  return Number.isSafeInteger(millis) && millis > 0 ? millis : Date.now();
};

const contactFor = (contacts: WebhookContact[], message: WebhookMessage): WebhookContact | undefined =>
  contacts.find((c) => (message.from && c.wa_id === message.from) || (message.from_user_id && c.user_id === message.from_user_id)) ??
  (contacts.length === 1 ? contacts[0] : undefined);

const toInbound = (message: WebhookMessage, contacts: WebhookContact[], phoneNumberId: string): InboundMessage | undefined => {
  const contact = contactFor(contacts, message);
  const waId = message.from || contact?.wa_id || '';
  const userId = message.from_user_id ?? contact?.user_id;
  const citizenKey = waId || userId;
  if (!citizenKey) return undefined;
  return {
    wamid: message.id,
    citizenKey,
    waId,
    userId,
    profileName: contact?.profile?.name,
    phoneNumberId,
    type: message.type,
    sentAt: toMillis(message.timestamp),
    content: toInboundContent(message),
    raw: { message, contact },
  };
};

const toStatus = (status: WebhookStatus): StatusEvent => ({
  wamid: status.id,
  status: status.status,
  recipient: status.recipient_id || status.recipient_user_id || '',
  occurredAt: toMillis(status.timestamp),
  errorCode: status.errors?.[0]?.code,
  callbackData: status.biz_opaque_callback_data,
  raw: status,
});

const readMessagesChange = (value: unknown, out: ParsedNotification): void => {
  const parsed = messagesValueSchema.safeParse(value);
  if (!parsed.success) return void out.kept.push({ field: 'messages.unreadable', payload: value });
  const { metadata, messages = [], statuses = [], errors = [] } = parsed.data;
  const contacts: WebhookContact[] = parsed.data.contacts ?? [];
  const phoneNumberId = metadata?.phone_number_id ?? '';
  for (const item of messages) {
    const message = messageSchema.safeParse(item);
    const inbound = message.success ? toInbound(message.data, contacts, phoneNumberId) : undefined;
    if (inbound) out.messages.push(inbound);
    else out.kept.push({ field: 'messages.unreadable', payload: item });
  }
  for (const item of statuses) {
    const status = statusSchema.safeParse(item);
    if (status.success) out.statuses.push(toStatus(status.data));
    else out.kept.push({ field: 'statuses.unreadable', payload: item });
  }
  if (errors.length > 0) out.kept.push({ field: 'messages.errors', payload: { metadata, errors } });
};

/** Reads every entry, change, message and status of a notification; never throws on content. */
export const parseNotification = (notification: Notification): ParsedNotification => {
  const out: ParsedNotification = { messages: [], statuses: [], kept: [] };
  for (const entry of notification.entry) {
    for (const change of entry.changes) {
      if (change.field === 'messages') readMessagesChange(change.value, out);
      else out.kept.push({ field: change.field, payload: change.value });
    }
  }
  return out;
};
