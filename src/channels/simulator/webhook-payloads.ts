import { webhookError } from './graph-error.js';
import type { Pricing } from './types.js';

/** Who the notifications come from: the business number. */
export interface BusinessIdentity {
  businessAccountId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

/** A citizen as webhooks describe them. In username mode the phone number is hidden (`wa_id: ""`). */
export interface Sender {
  phone: string;
  name: string;
  userId: string;
  usernameMode: boolean;
}

export const unixSeconds = (ms: number): string => String(Math.floor(ms / 1000));

/** Meta's envelope (WHATSAPP.md §2.4): `value` comes before `field`, metadata first. */
export const envelope = (business: BusinessIdentity, value: Record<string, unknown>, field = 'messages') => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: business.businessAccountId,
      changes: [
        {
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: business.displayPhoneNumber, phone_number_id: business.phoneNumberId },
            ...value,
          },
          field,
        },
      ],
    },
  ],
});

export const contactOf = (sender: Sender) => ({
  profile: { name: sender.name },
  wa_id: sender.usernameMode ? '' : sender.phone,
  user_id: sender.userId,
});

export const messagesValue = (sender: Sender, message: Record<string, unknown>) => ({
  contacts: [contactOf(sender)],
  messages: [message],
});

/** Fields every inbound message has: `from`, `id`, `timestamp` (string of Unix seconds), `type`. */
export const messageBase = (sender: Sender, id: string, atMs: number, type: string): Record<string, unknown> => ({
  from: sender.usernameMode ? '' : sender.phone,
  ...(sender.usernameMode ? { from_user_id: sender.userId } : {}),
  id,
  timestamp: unixSeconds(atMs),
  type,
});

export interface MediaRef {
  id: string;
  mimeType: string;
  /** Base64 SHA-256, as webhooks carry it. */
  sha256Base64: string;
  url: string;
}

export interface ReplyContext {
  /** The business number that sent the message being answered. */
  from: string;
  id: string;
}

export interface ContactCard {
  name: string;
  phone: string;
}

/** The type-specific part of each inbound message kind (WHATSAPP.md §2.5). */
export const inboundContent = {
  text: (body: string) => ({ text: { body } }),
  buttonReply: (reply: { id: string; title: string }, context: ReplyContext) => ({
    context,
    interactive: { type: 'button_reply', button_reply: reply },
  }),
  listReply: (reply: { id: string; title: string; description?: string }, context: ReplyContext) => ({
    context,
    interactive: { type: 'list_reply', list_reply: reply },
  }),
  templateButton: (button: { payload: string; text: string }, context: ReplyContext) => ({ context, button }),
  location: (location: { latitude: number; longitude: number; name?: string; address?: string }) => ({ location }),
  image: (media: MediaRef, caption?: string) => ({
    image: { ...(caption ? { caption } : {}), mime_type: media.mimeType, sha256: media.sha256Base64, id: media.id, url: media.url },
  }),
  audio: (media: MediaRef, voice: boolean) => ({
    audio: { mime_type: media.mimeType, sha256: media.sha256Base64, id: media.id, url: media.url, voice },
  }),
  sticker: (media: MediaRef, animated: boolean) => ({
    sticker: { mime_type: media.mimeType, sha256: media.sha256Base64, id: media.id, url: media.url, animated },
  }),
  reaction: (messageId: string, emoji: string) => ({ reaction: { message_id: messageId, emoji } }),
  contacts: (cards: ContactCard[]) => ({
    contacts: cards.map((card) => {
      const [first, ...rest] = card.name.trim().split(/\s+/);
      return {
        name: { formatted_name: card.name, first_name: first ?? card.name, ...(rest.length ? { last_name: rest.join(' ') } : {}) },
        phones: [{ phone: card.phone, type: 'CELL' }],
      };
    }),
  }),
  unsupported: (unsupportedType?: string) => ({
    errors: [webhookError(131051, 'Message type is currently not supported.')],
    ...(unsupportedType ? { unsupported: { type: unsupportedType } } : {}),
  }),
};

export interface StatusInput {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  atMs: number;
  recipient: Sender;
  callbackData?: string;
  pricing?: Pricing;
  errors?: Array<ReturnType<typeof webhookError>>;
}

/** A status notification; `contacts` are left out of `failed` ones, as Meta does. */
export const statusValue = (input: StatusInput) => ({
  ...(input.status === 'failed' ? {} : { contacts: [contactOf(input.recipient)] }),
  statuses: [
    {
      id: input.wamid,
      status: input.status,
      timestamp: unixSeconds(input.atMs),
      recipient_id: input.recipient.usernameMode ? '' : input.recipient.phone,
      ...(input.recipient.userId ? { recipient_user_id: input.recipient.userId } : {}),
      ...(input.callbackData !== undefined ? { biz_opaque_callback_data: input.callbackData } : {}),
      ...(input.pricing && input.status !== 'failed' ? { pricing: input.pricing } : {}),
      ...(input.errors ? { errors: input.errors } : {}),
    },
  ],
});

/** `user_preferences` notification (fixture 32): marketing stop / resume; its timestamp is a number. */
export const userPreferencesValue = (sender: Sender, value: 'stop' | 'resume', atMs: number) => ({
  contacts: [contactOf(sender)],
  user_preferences: [
    {
      wa_id: sender.usernameMode ? '' : sender.phone,
      detail: value === 'stop' ? 'User requested to stop marketing messages' : 'User requested to resume marketing messages',
      category: 'marketing_messages',
      value,
      timestamp: Math.floor(atMs / 1000),
    },
  ],
});
