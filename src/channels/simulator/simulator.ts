import { EventEmitter } from 'node:events';
import { systemClock } from '../../platform/clock.js';
import { CitizenActions, type LocationInput, type MediaInput } from './citizen-actions.js';
import { Delivery } from './delivery.js';
import { GraphApi } from './graph-api.js';
import { MediaStore, type StoredMedia } from './media-store.js';
import { SendLimiters } from './send-limiters.js';
import { TemplateRegistry } from './template-registry.js';
import type {
  ChatEvent,
  Conversation,
  InboundHandle,
  InjectedFailure,
  OutboundChatMessage,
  SimulatorEventMap,
  SimulatorOptions,
  SimulatorTemplate,
} from './types.js';
import type { BusinessIdentity, ContactCard } from './webhook-payloads.js';
import { WebhookEmitter } from './webhook-emitter.js';
import { World, type CitizenOptions } from './world.js';

export const GRAPH_PREFIX = '/_simulator/graph';

/**
 * The built-in WhatsApp: a fake Graph API that keeps Meta's contract and rules, and simulated citizens
 * whose messages reach the app as signed webhooks. State lives in memory.
 */
export class Simulator {
  /** `message`, `outbound`, `update`, `typing`, `rejected`: see SimulatorEventMap. */
  readonly events = new EventEmitter<SimulatorEventMap>();
  readonly graph: GraphApi;
  private readonly world = new World();
  private readonly media = new MediaStore();
  private readonly templates: TemplateRegistry;
  private readonly emitter: WebhookEmitter;
  private readonly delivery: Delivery;
  private readonly citizens: CitizenActions;
  private readonly streams = new Set<() => void>();

  /** The WhatsApp Business Account id: `entry[].id` of the webhooks, the owner of the templates. */
  get businessAccountId(): string {
    return this.options.businessAccountId ?? '102290129340398';
  }

  constructor(readonly options: SimulatorOptions) {
    this.events.setMaxListeners(0);
    const business: BusinessIdentity = {
      businessAccountId: this.businessAccountId,
      phoneNumberId: options.phoneNumberId,
      displayPhoneNumber: options.displayPhoneNumber,
    };
    const rateClock = options.rateClock ?? systemClock;
    const mediaUrl = (mediaId: string): string => `${options.publicBaseUrl()}${GRAPH_PREFIX}/media-download/${mediaId}`;
    this.templates = new TemplateRegistry(options.templates);
    this.emitter = new WebhookEmitter({ ...options.webhook, url: options.webhookUrl, appSecret: options.appSecret, logger: options.logger });
    const common = { world: this.world, clock: options.clock, events: this.events, logger: options.logger };
    this.delivery = new Delivery({
      ...common,
      emitter: this.emitter,
      business,
      statusDelayMs: options.statusDelayMs ?? 25,
      statusBatchMs: options.statusBatchMs ?? 0,
      autoRead: options.autoRead ?? false,
    });
    this.graph = new GraphApi({
      ...common,
      phoneNumberId: options.phoneNumberId,
      displayPhoneNumber: options.displayPhoneNumber,
      accessToken: options.accessToken,
      mediaUrl,
      templates: this.templates,
      limiters: new SendLimiters({
        maxMps: options.maxMps ?? 80,
        pairBurst: options.pairBurst ?? 45,
        pairIntervalMs: options.pairIntervalMs ?? 6_000,
        now: () => rateClock.now().getTime(),
      }),
      media: this.media,
      delivery: this.delivery,
    });
    this.citizens = new CitizenActions({
      ...common,
      emitter: this.emitter,
      delivery: this.delivery,
      media: this.media,
      business,
      mediaUrl,
      quickReplyTitles: (name, language) => this.templates.find(name, language)?.quickReplies,
    });
  }

  /** Makes a phone number known (it can receive templates before writing in). */
  addCitizen(phone: string, name?: string, options?: CitizenOptions): Conversation {
    return this.world.conversation(this.world.ensureCitizen(phone, name, options));
  }

  sendText(phone: string, name: string | undefined, body: string): InboundHandle {
    return this.citizens.text(phone, name, body);
  }

  /** Taps a reply button, list row or template quick reply by its id; throws SimulatorInputError if none offers it. */
  sendReply(phone: string, name: string | undefined, replyId: string, contextId?: string): InboundHandle {
    return this.citizens.reply(phone, name, replyId, contextId);
  }

  sendLocation(phone: string, name: string | undefined, location: LocationInput): InboundHandle {
    return this.citizens.location(phone, name, location);
  }

  sendImage(phone: string, name: string | undefined, image: MediaInput & { caption?: string }): InboundHandle {
    return this.citizens.image(phone, name, image);
  }

  sendAudio(phone: string, name: string | undefined, audio: Partial<MediaInput> & { voice?: boolean } = {}): InboundHandle {
    return this.citizens.audio(phone, name, audio);
  }

  sendSticker(phone: string, name: string | undefined, sticker: Partial<MediaInput> & { animated?: boolean } = {}): InboundHandle {
    return this.citizens.sticker(phone, name, sticker);
  }

  sendReaction(phone: string, name: string | undefined, messageId: string, emoji: string): InboundHandle {
    return this.citizens.reaction(phone, name, messageId, emoji);
  }

  sendContacts(phone: string, name: string | undefined, cards: ContactCard[]): InboundHandle {
    return this.citizens.contacts(phone, name, cards);
  }

  sendUnsupported(phone: string, name: string | undefined, unsupportedType?: string): InboundHandle {
    return this.citizens.unsupported(phone, name, unsupportedType);
  }

  /** A `user_preferences` webhook; after `stop`, marketing templates to this citizen fail with 131050. */
  sendUserPreference(phone: string, value: 'stop' | 'resume'): Promise<void> {
    return this.citizens.userPreference(phone, value);
  }

  /** The next send(s) to this recipient fail with `code`: refused by Graph (sync) or as a `failed` status (async). */
  injectFailure(phone: string, failure: InjectedFailure): void {
    this.world.injectFailure(phone, failure);
  }

  /** The next `count` webhooks are delivered twice (same bytes), to exercise deduplication. */
  duplicateNextWebhooks(count = 1): void {
    this.emitter.duplicateNext(count);
  }

  /** The citizen opens the chat: every bot message becomes read. */
  markChatRead(phone: string): void {
    const citizen = this.world.citizen(phone);
    if (citizen) this.delivery.readAll(citizen);
  }

  /** A chat page shows this chat until the returned function is called; bot messages are read on arrival. */
  openChat(phone: string, name?: string): () => void {
    const citizen = this.world.ensureCitizen(phone, name);
    citizen.openViews += 1;
    this.delivery.readAll(citizen);
    let open = true;
    return () => {
      if (open) citizen.openViews -= 1;
      open = false;
    };
  }

  conversation(phone: string): Conversation | undefined {
    const citizen = this.world.citizen(phone);
    return citizen ? this.world.conversation(citizen) : undefined;
  }

  /**
   * Resolves with the first bot message to `phone`, sent after the citizen's latest message, that matches
   * `predicate` — one already received or one still to come. Rejects after `timeoutMs`.
   */
  waitForOutbound(phone: string, predicate: (message: OutboundChatMessage) => boolean = () => true, timeoutMs = 10_000): Promise<OutboundChatMessage> {
    const messages = this.world.citizen(phone)?.messages ?? [];
    const lastInbound = messages.map((m) => m.direction).lastIndexOf('in');
    const existing = messages.slice(lastInbound + 1).find((m): m is OutboundChatMessage => m.direction === 'out' && predicate(m));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const listener = ({ phone: to, message }: ChatEvent): void => {
        if (to !== this.world.citizen(phone)?.phone || message.direction !== 'out' || !predicate(message)) return;
        cleanup();
        resolve(message);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching bot message within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('outbound', listener);
      };
      this.events.on('outbound', listener);
    });
  }

  upsertTemplate(template: SimulatorTemplate): void {
    this.templates.upsert(template);
  }

  listTemplates(): SimulatorTemplate[] {
    return this.templates.list();
  }

  removeTemplate(name: string, language: string): boolean {
    return this.templates.remove(name, language);
  }

  /** A page of the business account's templates (Meta's `message_templates` edge). */
  templatePage(after: string | undefined, limit: number): ReturnType<TemplateRegistry['page']> {
    return this.templates.page(after, limit);
  }

  mediaById(mediaId: string): StoredMedia | undefined {
    return this.media.get(mediaId);
  }

  /** Registers an open event stream, ended by `endStreams()`. Returns an unregister function. */
  trackStream(end: () => void): () => void {
    this.streams.add(end);
    return () => this.streams.delete(end);
  }

  /** Ends the chat pages' event streams (a server cannot close while they are open). */
  endStreams(): void {
    for (const end of [...this.streams]) end();
    this.streams.clear();
  }

  /** Ends event streams, stops status timers and webhook retries. Safe to call twice. */
  async close(): Promise<void> {
    this.endStreams();
    this.delivery.close();
    this.emitter.close();
    this.events.removeAllListeners();
  }
}
