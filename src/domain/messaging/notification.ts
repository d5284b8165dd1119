import type { InboundContent } from '../../conversation/input.js';

/** A webhook notification as the messaging domain sees it, whatever channel adapter read it. */
export interface InboundMessage {
  wamid: string;
  /** wa_id exactly as received, or the business-scoped user id where wa_id is empty. */
  citizenKey: string;
  waId: string;
  userId: string | undefined;
  profileName: string | undefined;
  phoneNumberId: string;
  /** Meta's message type as received (text, image, …, or one we do not know yet). */
  type: string;
  sentAt: number;
  content: InboundContent;
  /** The message and the sender's contact block exactly as Meta sent them. */
  raw: { message: unknown; contact: unknown };
}

export interface StatusEvent {
  wamid: string;
  status: string;
  recipient: string;
  occurredAt: number;
  errorCode: number | undefined;
  callbackData: string | undefined;
  raw: unknown;
}

/** A change we keep as received but do not act on (yet): other fields, system errors, items we could not read. */
export interface KeptChange {
  field: string;
  payload: unknown;
}

export interface ParsedNotification {
  messages: InboundMessage[];
  statuses: StatusEvent[];
  kept: KeptChange[];
}

