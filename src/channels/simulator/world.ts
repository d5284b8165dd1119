import { bsuidFor, digitsOf } from './ids.js';
import type { Sender } from './webhook-payloads.js';
import type { ChatMessage, Conversation, InjectedFailure } from './types.js';

export const WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_MESSAGES_PER_CHAT = 1_000;

/** A simulated WhatsApp user and their chat with the business. */
export interface Citizen extends Sender {
  marketingOptOut: boolean;
  /** Unix ms of the citizen's latest message: the 24-hour window runs from here. */
  lastInboundAt?: number;
  messages: ChatMessage[];
  /** How many chat pages show this chat right now; while > 0 bot messages are read on arrival. */
  openViews: number;
}

export interface CitizenOptions {
  usernameMode?: boolean;
}

/** Everything the simulator remembers: citizens, their chats, and failures waiting to be injected. */
export class World {
  private readonly citizens = new Map<string, Citizen>();
  private readonly byUserId = new Map<string, Citizen>();
  private readonly messages = new Map<string, { citizen: Citizen; message: ChatMessage }>();
  private readonly failures = new Map<string, Array<Required<Pick<InjectedFailure, 'code' | 'mode' | 'count'>> & { details?: string }>>();

  citizen(phone: string): Citizen | undefined {
    return this.citizens.get(digitsOf(phone));
  }

  /** Creates the citizen on first use; a non-empty name replaces the profile name. */
  ensureCitizen(phone: string, name?: string, options: CitizenOptions = {}): Citizen {
    const digits = digitsOf(phone);
    let citizen = this.citizens.get(digits);
    if (!citizen) {
      citizen = {
        phone: digits,
        name: name?.trim() || digits,
        userId: bsuidFor(digits),
        usernameMode: options.usernameMode ?? false,
        marketingOptOut: false,
        messages: [],
        openViews: 0,
      };
      this.citizens.set(digits, citizen);
      this.byUserId.set(citizen.userId, citizen);
    } else {
      if (name?.trim()) citizen.name = name.trim();
      if (options.usernameMode !== undefined) citizen.usernameMode = options.usernameMode;
    }
    return citizen;
  }

  /** The citizen a Graph `to` addresses: phone digits (any punctuation) or a BSUID. */
  recipient(to: string): Citizen | undefined {
    return this.byUserId.get(to) ?? this.citizen(to);
  }

  addMessage(citizen: Citizen, message: ChatMessage): void {
    citizen.messages.push(message);
    this.messages.set(message.id, { citizen, message });
    while (citizen.messages.length > MAX_MESSAGES_PER_CHAT) {
      const dropped = citizen.messages.shift();
      if (dropped) this.messages.delete(dropped.id);
    }
  }

  findMessage(wamid: string): { citizen: Citizen; message: ChatMessage } | undefined {
    return this.messages.get(wamid);
  }

  windowOpen(citizen: Citizen, nowMs: number): boolean {
    return citizen.lastInboundAt !== undefined && nowMs - citizen.lastInboundAt < WINDOW_MS;
  }

  injectFailure(phone: string, failure: InjectedFailure): void {
    const key = digitsOf(phone) || phone;
    const queue = this.failures.get(key) ?? [];
    queue.push({ code: failure.code, mode: failure.mode, count: failure.count ?? 1, ...(failure.details ? { details: failure.details } : {}) });
    this.failures.set(key, queue);
  }

  /** Takes one injected failure of that mode for a send to this recipient, if one is next in line. */
  takeFailure(to: string, citizen: Citizen | undefined, mode: 'sync' | 'async'): { code: number; details?: string } | undefined {
    const key = citizen?.phone ?? (digitsOf(to) || to);
    const queue = this.failures.get(key);
    const next = queue?.[0];
    if (!queue || !next || next.mode !== mode) return undefined;
    next.count -= 1;
    if (next.count <= 0) queue.shift();
    if (queue.length === 0) this.failures.delete(key);
    return { code: next.code, ...(next.details ? { details: next.details } : {}) };
  }

  conversation(citizen: Citizen): Conversation {
    return {
      phone: citizen.phone,
      name: citizen.name,
      userId: citizen.userId,
      usernameMode: citizen.usernameMode,
      marketingOptOut: citizen.marketingOptOut,
      windowClosesAt: citizen.lastInboundAt === undefined ? null : citizen.lastInboundAt + WINDOW_MS,
      messages: citizen.messages.map((message) => ({ ...message })),
    };
  }
}
