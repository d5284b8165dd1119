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
  /** 0: a webhook per status; else statuses of this many ms share one webhook. */
  statusBatchMs: number;
  autoRead: boolean;
}

/** Meta's webhooks stay well under its 3 MB cap. */
const MAX_STATUSES_PER_WEBHOOK = 500;

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
  private batch: Array<ReturnType<typeof statusValue>> = [];
  private batchTimer: NodeJS.Timeout | undefined;

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
    if (this.deps.statusBatchMs > 0) return this.addToBatch(statusValue(input));
    this.post(`status:${recipient.phone || recipient.userId}`, envelope(this.deps.business, statusValue(input)));
  }

  private post(orderKey: string, payload: unknown): void {
    this.deps.emitter.send(orderKey, payload).catch((error: unknown) => {
      this.deps.logger.warn({ err: error }, 'simulator could not deliver a status webhook');
    });
  }

  /** Batched statuses go out in one ordered stream, so each citizen's still arrive in order. */
  private addToBatch(value: ReturnType<typeof statusValue>): void {
    this.batch.push(value);
    if (this.batch.length >= MAX_STATUSES_PER_WEBHOOK) return this.flushBatch();
    this.batchTimer ??= setTimeout(() => this.flushBatch(), this.deps.statusBatchMs);
  }

  private flushBatch(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    const values = this.batch;
    this.batch = [];
    if (values.length === 0) return;
    this.post('statuses', envelope(this.deps.business, { contacts: values.flatMap((v) => v.contacts ?? []), statuses: values.flatMap((v) => v.statuses) }));
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
    clearTimeout(this.batchTimer);
  }
}
