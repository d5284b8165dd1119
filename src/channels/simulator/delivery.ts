import type { EventEmitter } from 'node:events';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import { webhookError } from './graph-error.js';
import type { ChatError, OutboundChatMessage, OutboundStatus, SimulatorEventMap } from './types.js';
import { envelope, statusValue, type BusinessIdentity, type Sender, type StatusInput } from './webhook-payloads.js';
import type { WebhookEmitter } from './webhook-emitter.js';
import type { Citizen, World } from './world.js';

export interface DeliveryDeps {
  world: World;
  emitter: WebhookEmitter;
  business: BusinessIdentity;
  clock: Clock;
  events: EventEmitter<SimulatorEventMap>;
  logger: Logger;
  statusDelayMs: number;
  autoRead: boolean;
}

const RANK: Record<OutboundStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };
const PROGRESSION = ['sent', 'delivered', 'read'] as const;
type Progress = (typeof PROGRESSION)[number];

/**
 * What happens to a bot message after the fake Graph accepted it: it lands in the citizen's chat and the
 * app hears `sent`, `delivered` and `read` (in that order, per citizen). While the chat is open in the page
 * the message is read on arrival and, as on a real phone, no `delivered` is reported (WHATSAPP.md §2.6).
 */
export class Delivery {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: DeliveryDeps) {}

  deliver(citizen: Citizen, message: OutboundChatMessage): void {
    this.deps.world.addMessage(citizen, message);
    this.deps.events.emit('message', { phone: citizen.phone, message });
    this.deps.events.emit('outbound', { phone: citizen.phone, message });
    this.later(() => {
      const open = citizen.openViews > 0;
      this.advance(citizen, message, open || this.deps.autoRead ? 'read' : 'delivered', open);
    });
  }

  /** An accepted send that fails afterwards: only a `failed` status, the citizen sees nothing. */
  fail(recipient: Sender, message: OutboundChatMessage, error: ChatError): void {
    message.status = 'failed';
    message.error = error;
    this.deps.events.emit('rejected', { phone: recipient.phone, code: error.code, details: error.details });
    this.later(() =>
      this.emitStatus(recipient, {
        wamid: message.id,
        status: 'failed',
        atMs: this.deps.clock.now().getTime(),
        recipient,
        ...(message.callbackData !== undefined ? { callbackData: message.callbackData } : {}),
        errors: [webhookError(error.code, error.details)],
      }),
    );
  }

  /** The citizen looked at the chat: every bot message not yet read becomes read. */
  readAll(citizen: Citizen, skipDelivered = false): void {
    for (const message of citizen.messages) {
      if (message.direction === 'out' && RANK[message.status] < RANK.read) this.advance(citizen, message, 'read', skipDelivered);
    }
  }

  private advance(citizen: Citizen, message: OutboundChatMessage, target: Progress, skipDelivered: boolean): void {
    for (const status of PROGRESSION) {
      if (RANK[status] <= RANK[message.status] || RANK[status] > RANK[target]) continue;
      if (status === 'delivered' && skipDelivered && target === 'read') continue;
      message.status = status;
      this.deps.events.emit('update', { phone: citizen.phone, message });
      this.emitStatus(citizen, {
        wamid: message.id,
        status,
        atMs: this.deps.clock.now().getTime(),
        recipient: citizen,
        ...(message.callbackData !== undefined ? { callbackData: message.callbackData } : {}),
        ...(message.pricing ? { pricing: message.pricing } : {}),
      });
    }
  }

  private emitStatus(recipient: Sender, input: StatusInput): void {
    const payload = envelope(this.deps.business, statusValue(input));
    this.deps.emitter.send(`status:${recipient.phone || recipient.userId}`, payload).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, status: input.status }, 'simulator could not deliver a status webhook');
    });
  }

  private later(task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, this.deps.statusDelayMs);
    this.timers.add(timer);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
