import type { EventEmitter } from 'node:events';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { Delivery } from './delivery.js';
import { newWamid } from './ids.js';
import type { MediaStore } from './media-store.js';
import { findOffer, type QuickReplyTitles } from './offers.js';
import type { InboundChatMessage, InboundHandle, SimulatorEventMap } from './types.js';
import {
  envelope,
  inboundContent,
  messageBase,
  messagesValue,
  userPreferencesValue,
  type BusinessIdentity,
  type ContactCard,
  type MediaRef,
} from './webhook-payloads.js';
import type { WebhookEmitter } from './webhook-emitter.js';
import type { Citizen, CitizenOptions, World } from './world.js';

export interface CitizenActionsDeps {
  world: World;
  emitter: WebhookEmitter;
  delivery: Delivery;
  media: MediaStore;
  business: BusinessIdentity;
  clock: Clock;
  events: EventEmitter<SimulatorEventMap>;
  logger: Logger;
  mediaUrl: (mediaId: string) => string;
  quickReplyTitles: QuickReplyTitles;
}

/** A citizen action that cannot happen (e.g. tapping an option no bot message offered). */
export class SimulatorInputError extends Error {
  constructor(
    message: string,
    /** The same, in Portuguese, for the chat page. */
    readonly userMessage: string,
  ) {
    super(message);
    this.name = 'SimulatorInputError';
  }
}

export interface LocationInput {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export interface MediaInput {
  bytes: Buffer;
  mimeType: string;
}

/** What a simulated citizen does on their phone, turned into signed `messages` webhooks. */
export class CitizenActions {
  constructor(private readonly deps: CitizenActionsDeps) {}

  /**
   * Sends one inbound message: the citizen has seen the chat (earlier bot messages become read), the
   * 24-hour window restarts, and the webhook queues behind this citizen's earlier messages.
   */
  send(phone: string, name: string | undefined, type: string, content: (citizen: Citizen) => Record<string, unknown>, options?: CitizenOptions): InboundHandle {
    const citizen = this.deps.world.ensureCitizen(phone, name, options);
    this.deps.delivery.readAll(citizen);
    const now = this.deps.clock.now().getTime();
    citizen.lastInboundAt = now;
    const id = newWamid(citizen.phone);
    const body = { ...messageBase(citizen, id, now, type), ...content(citizen) };
    const message: InboundChatMessage = { direction: 'in', id, type, timestamp: now, status: 'pending', message: body };
    this.deps.world.addMessage(citizen, message);
    this.deps.events.emit('message', { phone: citizen.phone, message });
    const payload = envelope(this.deps.business, messagesValue(citizen, body));
    const acknowledged = this.deps.emitter.send(`in:${citizen.phone}`, payload).then(
      () => this.setStatus(citizen, message, 'delivered'),
      (error: unknown) => {
        this.setStatus(citizen, message, 'failed');
        this.deps.logger.warn({ err: error }, 'simulator could not deliver an inbound message');
        throw error;
      },
    );
    acknowledged.catch(() => undefined);
    return { wamid: id, acknowledged };
  }

  private setStatus(citizen: Citizen, message: InboundChatMessage, status: 'delivered' | 'failed'): void {
    if (message.status !== 'pending') return;
    message.status = status;
    this.deps.events.emit('update', { phone: citizen.phone, message });
  }

  text(phone: string, name: string | undefined, body: string): InboundHandle {
    return this.send(phone, name, 'text', () => inboundContent.text(body));
  }

  /** Taps a reply button, a list row or a template quick reply that a bot message offered. */
  reply(phone: string, name: string | undefined, replyId: string, contextId?: string): InboundHandle {
    const citizen = this.deps.world.citizen(phone);
    const offer = citizen && findOffer(citizen.messages, replyId, this.deps.quickReplyTitles, contextId);
    if (!offer) {
      throw new SimulatorInputError(`no bot message offers the option "${replyId}"`, `Nenhuma mensagem do robô oferece a opção "${replyId}".`);
    }
    const context = { from: this.deps.business.displayPhoneNumber, id: offer.messageId };
    if (offer.kind === 'template') {
      return this.send(phone, name, 'button', () => inboundContent.templateButton({ payload: offer.id, text: offer.title }, context));
    }
    if (offer.kind === 'list') {
      const row = { id: offer.id, title: offer.title, ...(offer.description ? { description: offer.description } : {}) };
      return this.send(phone, name, 'interactive', () => inboundContent.listReply(row, context));
    }
    return this.send(phone, name, 'interactive', () => inboundContent.buttonReply({ id: offer.id, title: offer.title }, context));
  }

  location(phone: string, name: string | undefined, location: LocationInput): InboundHandle {
    return this.send(phone, name, 'location', () => inboundContent.location(location));
  }

  private storeMedia(input: MediaInput): MediaRef {
    const stored = this.deps.media.save(input.bytes, input.mimeType);
    return {
      id: stored.id,
      mimeType: stored.mimeType,
      sha256Base64: Buffer.from(stored.sha256, 'hex').toString('base64'),
      url: this.deps.mediaUrl(stored.id),
    };
  }

  image(phone: string, name: string | undefined, image: MediaInput & { caption?: string }): InboundHandle {
    const media = this.storeMedia(image);
    return this.send(phone, name, 'image', () => inboundContent.image(media, image.caption));
  }

  audio(phone: string, name: string | undefined, audio: Partial<MediaInput> & { voice?: boolean }): InboundHandle {
    const media = this.storeMedia({ bytes: audio.bytes ?? Buffer.from('OggS'), mimeType: audio.mimeType ?? 'audio/ogg; codecs=opus' });
    return this.send(phone, name, 'audio', () => inboundContent.audio(media, audio.voice ?? true));
  }

  sticker(phone: string, name: string | undefined, sticker: Partial<MediaInput> & { animated?: boolean }): InboundHandle {
    const media = this.storeMedia({ bytes: sticker.bytes ?? Buffer.from('RIFF\0\0\0\0WEBP'), mimeType: sticker.mimeType ?? 'image/webp' });
    return this.send(phone, name, 'sticker', () => inboundContent.sticker(media, sticker.animated ?? false));
  }

  reaction(phone: string, name: string | undefined, messageId: string, emoji: string): InboundHandle {
    return this.send(phone, name, 'reaction', () => inboundContent.reaction(messageId, emoji));
  }

  contacts(phone: string, name: string | undefined, cards: ContactCard[]): InboundHandle {
    return this.send(phone, name, 'contacts', () => inboundContent.contacts(cards));
  }

  unsupported(phone: string, name: string | undefined, unsupportedType?: string): InboundHandle {
    return this.send(phone, name, 'unsupported', () => inboundContent.unsupported(unsupportedType));
  }

  /** A `user_preferences` notification: the citizen stopped (or resumed) marketing messages. */
  userPreference(phone: string, value: 'stop' | 'resume'): Promise<void> {
    const citizen = this.deps.world.ensureCitizen(phone);
    citizen.marketingOptOut = value === 'stop';
    const payload = envelope(this.deps.business, userPreferencesValue(citizen, value, this.deps.clock.now().getTime()), 'user_preferences');
    const acknowledged = this.deps.emitter.send(`in:${citizen.phone}`, payload);
    acknowledged.catch(() => undefined);
    return acknowledged;
  }
}
