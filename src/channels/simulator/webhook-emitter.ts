import type { Logger } from '../../platform/logger.js';
import { serializeLikeMeta, sign } from '../whatsapp-cloud/signature.js';
import type { WebhookDeliveryOptions } from './types.js';

export interface WebhookEmitterOptions extends WebhookDeliveryOptions {
  url: () => string;
  appSecret: string;
  logger: Logger;
}

/** Compressed from Meta's "decreasing frequency for up to 7 days" (WHATSAPP.md §2.3). */
export const DEFAULT_RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000];

export class WebhookDeliveryError extends Error {
  constructor(
    readonly attempts: number,
    reason: string,
  ) {
    super(`webhook not acknowledged after ${attempts} attempt(s): ${reason}`);
    this.name = 'WebhookDeliveryError';
  }
}

interface Sleeper {
  timer: NodeJS.Timeout;
  reject: (error: Error) => void;
}

/**
 * POSTs notifications like Meta: serialised with `\uXXXX` escapes, signed over exactly those bytes, only a
 * 200 counts as delivered, anything else (or a timeout) is retried with backoff. Deliveries sharing an order
 * key go one after the other, so a citizen's second message never overtakes the first.
 */
export class WebhookEmitter {
  private readonly queues = new Map<string, Promise<void>>();
  private readonly sleepers = new Set<Sleeper>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;
  private duplicates = 0;

  constructor(private readonly options: WebhookEmitterOptions) {}

  /** Resolves when the receiver answered 200; rejects with WebhookDeliveryError when given up. */
  send(orderKey: string, payload: unknown): Promise<void> {
    const previous = this.queues.get(orderKey) ?? Promise.resolve();
    const delivery = previous.then(() => this.deliver(payload));
    const settled = delivery.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(orderKey, settled);
    void settled.then(() => {
      if (this.queues.get(orderKey) === settled) this.queues.delete(orderKey);
    });
    delivery.catch(() => undefined);
    return delivery;
  }

  private async deliver(payload: unknown): Promise<void> {
    const body = serializeLikeMeta(payload);
    const signature = sign(this.options.appSecret, body);
    const delays = this.options.delaysMs?.length ? this.options.delaysMs : DEFAULT_RETRY_DELAYS_MS;
    const maxWindowMs = this.options.maxWindowMs ?? 180_000;
    const startedAt = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      if (this.closed) throw new WebhookDeliveryError(attempt - 1, 'simulator closed');
      const failure = await this.post(body, signature);
      if (failure === undefined) return this.maybeDuplicate(body, signature);
      const delay = delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000;
      if (Date.now() - startedAt + delay > maxWindowMs) {
        this.options.logger.warn({ attempts: attempt, reason: failure }, 'simulator gave up delivering a webhook');
        throw new WebhookDeliveryError(attempt, failure);
      }
      this.options.logger.info({ attempt, reason: failure, retryInMs: delay }, 'simulator webhook not acknowledged, retrying');
      await this.sleep(delay);
    }
  }

  /** The next `count` acknowledged deliveries are POSTed a second time, as Meta's at-least-once delivery may. */
  duplicateNext(count = 1): void {
    this.duplicates += count;
  }

  private async maybeDuplicate(body: string, signature: string): Promise<void> {
    if (this.duplicates <= 0) return;
    this.duplicates -= 1;
    await this.post(body, signature);
  }

  /** Undefined when acknowledged with 200, else why not. */
  private async post(body: string, signature: string): Promise<string | undefined> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 5_000);
    this.inFlight.add(controller);
    try {
      const response = await fetch(this.options.url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature, 'user-agent': 'facebookexternalua' },
        body,
        signal: controller.signal,
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status === 200 ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      if (controller.signal.aborted) return this.closed ? 'simulator closed' : 'timeout';
      return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        reject,
      };
      this.sleepers.add(sleeper);
    });
  }

  /** Stops retrying and aborts requests in flight; pending deliveries reject. */
  close(): void {
    this.closed = true;
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.reject(new WebhookDeliveryError(0, 'simulator closed'));
    }
    this.sleepers.clear();
    for (const controller of this.inFlight) controller.abort();
  }
}
