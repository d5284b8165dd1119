import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';

export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED';
export type TemplateCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';

export interface SimulatorTemplate {
  name: string;
  /** Meta's language code, e.g. `pt_BR`. */
  language: string;
  /** How many body parameters a send must carry (else 132000). */
  bodyParameters: number;
  /** Only APPROVED templates can be sent (else 132001). Default APPROVED. */
  status?: TemplateStatus;
  /** Decides the pricing category of statuses and the marketing opt-out rule. Default UTILITY. */
  category?: TemplateCategory;
  /** Body text with `{{1}}` parameter slots; only used to show the message in the chat page. */
  body?: string;
  /** Titles of the quick-reply buttons (index 0..2); only used by the chat page and `sendReply`. */
  quickReplies?: string[];
  /** Meta's id of the template; given by the registry when absent. */
  id?: string;
  /** The components as Meta's template endpoint lists them; default: built from `body` and `quickReplies`. */
  components?: Array<Record<string, unknown>>;
}

export interface WebhookDeliveryOptions {
  /** A POST that takes longer than this counts as failed. Default 5000 ms. */
  timeoutMs?: number;
  /** Waits between attempts; the last one repeats. Default 0.5 s, 1 s, 2 s, 5 s, 10 s, 20 s, 30 s, 60 s. */
  delaysMs?: number[];
  /** Give up when the next attempt would start later than this after the first one. Default 3 min. */
  maxWindowMs?: number;
}

export interface SimulatorOptions {
  /** HMAC key for `X-Hub-Signature-256` of the webhooks it sends. */
  appSecret: string;
  /** The business number id: path segment of Graph calls and `metadata.phone_number_id`. */
  phoneNumberId: string;
  /** `metadata.display_phone_number`, e.g. `556332127500`. */
  displayPhoneNumber: string;
  /** The bearer token Graph calls must carry; anything else gets code 190 with HTTP 401. */
  accessToken: string;
  /** Where signed notifications are POSTed; resolved on every delivery. */
  webhookUrl: () => string;
  /** Origin of the server hosting the fake Graph, for the media URLs it hands out. */
  publicBaseUrl: () => string;
  /** Time of messages, statuses and the 24-hour customer-service windows. */
  clock: Clock;
  logger: Logger;
  /** Per-number throughput; beyond it sends get 130429. Default 80. */
  maxMps?: number;
  /** Per-recipient burst; beyond it sends get 131056. Default 45. */
  pairBurst?: number;
  /** Per-recipient refill: one message per this many ms. Default 6000. */
  pairIntervalMs?: number;
  templates?: SimulatorTemplate[];
  /** Time source of the throughput and pair-rate buckets. Default: real time (they pace real senders). */
  rateClock?: Clock;
  /** `entry[].id` of the webhooks (the WhatsApp Business Account id). */
  businessAccountId?: string;
  /** Name shown at the top of the chat page. Default "Prefeitura". */
  businessName?: string;
  /** Citizens read every bot message as soon as it is delivered, even with no chat page open. Default false. */
  autoRead?: boolean;
  /** Pause between accepting a send and its first status webhook. Default 25 ms. */
  statusDelayMs?: number;
  /**
   * Statuses emitted within this many ms go out together, as one webhook with several `statuses[]` (Meta batches them
   * under load). Default 0: one webhook per status.
   */
  statusBatchMs?: number;
  webhook?: WebhookDeliveryOptions;
}

export type InboundStatus = 'pending' | 'delivered' | 'read' | 'failed';
export type OutboundStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

export interface ChatError {
  code: number;
  title: string;
  details: string;
}

export interface Pricing {
  billable: boolean;
  pricing_model: 'PMP';
  type: 'regular' | 'free_customer_service' | 'free_entry_point';
  category: 'service' | 'utility' | 'marketing' | 'authentication';
}

/** A citizen's message, as it went into the webhook. `status` follows the app: acknowledged, marked read. */
export interface InboundChatMessage {
  direction: 'in';
  id: string;
  type: string;
  /** Unix milliseconds on the simulator's clock. */
  timestamp: number;
  status: InboundStatus;
  message: Record<string, unknown>;
}

/** A bot message the fake Graph accepted: the request body without `messaging_product`, `to`, etc. */
export interface OutboundChatMessage {
  direction: 'out';
  id: string;
  type: string;
  timestamp: number;
  status: OutboundStatus;
  message: Record<string, unknown>;
  callbackData?: string;
  pricing?: Pricing;
  error?: ChatError;
}

export type ChatMessage = InboundChatMessage | OutboundChatMessage;

export interface Conversation {
  phone: string;
  name: string;
  /** Business-scoped user id of this citizen (BSUID). */
  userId: string;
  /** When true, webhooks carry `wa_id: ""` and only the BSUID. */
  usernameMode: boolean;
  marketingOptOut: boolean;
  /** Unix ms when the customer-service window closes; null if the citizen never wrote. */
  windowClosesAt: number | null;
  messages: ChatMessage[];
}

export interface InboundHandle {
  wamid: string;
  /** Resolves when the app answered the webhook with 200; rejects when delivery was given up. */
  acknowledged: Promise<void>;
}

export interface InjectedFailure {
  code: number;
  /** `sync`: the Graph call is refused; `async`: accepted, then a `failed` status webhook. */
  mode: 'sync' | 'async';
  /** How many of the next sends fail. Default 1. */
  count?: number;
  details?: string;
}

export interface ChatEvent {
  phone: string;
  message: ChatMessage;
}

export interface SimulatorEventMap {
  /** Any new message in a chat, either direction. */
  message: [ChatEvent];
  /** A new bot message delivered to a citizen. */
  outbound: [ChatEvent];
  /** A message changed status. */
  update: [ChatEvent];
  /** The app showed "typing…" (until the given Unix ms). */
  typing: [{ phone: string; until: number }];
  /** The fake Graph refused a send to this citizen. */
  rejected: [{ phone: string; code: number; details: string }];
}
