import { classifyGraphError, GraphError, GraphUnreachableError, backoffDelay, isGraphOutage } from '../channels/whatsapp-cloud/graph-errors.js';
import type { GraphClient } from '../channels/whatsapp-cloud/graph-client.js';
import type { OutboundMessage } from '../channels/whatsapp-cloud/outbound-message.js';
import { callbackDataFor } from '../domain/messaging/callback-data.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { Batcher } from '../platform/batcher.js';
import { errorMessage } from '../platform/errors.js';
import { retryFor } from '../platform/retry-for.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';
import type { Db, Executor } from '../storage/database.js';
import type { OutboxRepository } from '../storage/repositories/outbox.repository.js';
import type { OutboxRow } from '../storage/schema.js';
import { BacklogStatistics } from './backlog-statistics.js';
import { ClaimLoop } from './claim-loop.js';
import type { GraphOutage } from './graph-outage.js';
import { TokenProbe, type SendingPause } from './sending-pause.js';
import type { SharedSendingWindow } from './shared-sending-window.js';
import { SharedThroughputLimit } from './shared-throughput-limit.js';
import { ThroughputLimit, type SendingRate } from './throughput-limit.js';
import { KeyedTokenBuckets } from './token-bucket.js';

export interface DispatcherOptions {
  db: Db;
  outbox: OutboxRepository;
  graph: GraphClient;
  pause: SendingPause;
  /** Holds sends back while the Graph API is failing (timeouts, 5xx), probing until it answers. */
  outage: GraphOutage;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  maxMps: number;
  /** The number's limit shared with the other instances sending for it (Redis); absent: this process alone sends. */
  sharedWindow?: SharedSendingWindow;
  /** Runs in the transaction that records sends Meta accepted, with how many (e.g. to count them for reports). */
  onAccepted?: (tx: Executor, count: number, at: number) => Promise<void>;
  /** Time source of the throughput limit. Default: real time (it paces real sends; a frozen test clock would stop them). */
  rateClock?: Clock;
  pairBurst: number;
  pairIntervalMs: number;
  concurrency: number;
  maxAttempts?: number;
  leaseMs?: number;
  /** How long a message whose send outcome is unknown waits for a status webhook before it is sent again. */
  uncertainGraceMs?: number;
  /** While paused for a refused token, how often to check whether Meta accepts it again. */
  tokenProbeMs?: number;
  /** How long to keep retrying the record of a send Meta accepted when the database fails. */
  recordRetryMs?: number;
  pollMs?: number;
}

/**
 * Sends outbox rows to the Graph API: one citizen's messages in order, the number's throughput capped by a
 * token bucket, each citizen's pair rate respected, retries by Meta's error code, and a pause on a bad token.
 */
export class OutboxDispatcher extends ClaimLoop {
  private readonly throughput: SendingRate;
  private readonly pairs: KeyedTokenBuckets;
  private readonly tokenProbe: TokenProbe;
  private sweptAt: number;
  /** Meta's acceptances are recorded by group commit: one transaction for all sends that finished meanwhile. */
  private readonly acceptances: Batcher<{ row: OutboxRow; wamid: string }, undefined>;
  private readonly backlog: BacklogStatistics;

  constructor(private readonly o: DispatcherOptions) {
    super();
    this.acceptances = new Batcher(async (accepted) => {
      const now = this.now();
      await o.outbox.markAcceptedMany(o.db, accepted, now, o.onAccepted && ((tx, count) => o.onAccepted?.(tx, count, now) ?? Promise.resolve()));
      return accepted.map(() => undefined);
    });
    this.backlog = new BacklogStatistics({ refresh: () => o.outbox.refreshPlannerStatistics(o.db), clock: o.clock, logger: o.logger });
    this.sweptAt = o.clock.now().getTime();
    const local = new ThroughputLimit(o.maxMps, this.rateNow());
    this.throughput = o.sharedWindow ? new SharedThroughputLimit(local, o.sharedWindow) : local;
    this.pairs = new KeyedTokenBuckets(1000 / o.pairIntervalMs, o.pairBurst);
    this.tokenProbe = new TokenProbe(o.pause, () => o.graph.phoneNumber(), o.tokenProbeMs ?? 60_000, o.logger);
  }

  private now(): number {
    return this.o.clock.now().getTime();
  }

  private rateNow(): number {
    return (this.o.rateClock ?? systemClock).now().getTime();
  }

  protected async round(): Promise<void> {
    const pollMs = this.o.pollMs ?? 250;
    if (await this.o.pause.isPaused()) {
      await this.throughput.settle();
      if (await this.tokenProbe.resumeIfAccepted(this.now())) return;
      return this.wake.wait(pollMs * 4);
    }
    const breaker = this.o.outage.breaker;
    const allowed = breaker.allowed(this.now());
    if (allowed === 'none') {
      await this.throughput.settle();
      return this.wake.wait(Math.max(1, Math.min(pollMs, breaker.waitTime(this.now()))));
    }
    const free = Math.min(this.o.concurrency - this.inFlight.size, this.throughput.available(this.rateNow()));
    const budget = allowed === 'one' ? Math.min(1, free) : free;
    let throttledMs = 0;
    // Under a low limit the bucket never holds a quarter of the concurrency: claim whenever a send may start.
    if (this.worthClaiming(budget, Math.min(this.o.concurrency, this.throughput.burst * 4))) {
      const { permitted, waitMs } = await this.throughput.reserve(budget, this.rateNow());
      throttledMs = waitMs;
      const rows = permitted > 0 ? await this.claim(Math.min(budget, permitted)) : [];
      for (const row of rows) throttledMs = Math.max(throttledMs, await this.dispatch(row));
    }
    await this.throughput.settle();
    // Often, so a broadcast's many one-message recipients do not pile up in memory.
    if (this.now() - this.sweptAt > 10_000) {
      this.pairs.sweep(this.now());
      this.sweptAt = this.now();
    }
    // Claim again when a send finished or a message arrived (or a rate limit lifts), never in a tight loop.
    if (budget <= 0 && this.inFlight.size === 0) return this.wake.wait(Math.max(1, Math.min(pollMs, 1000 / this.o.maxMps)));
    return this.wake.wait(throttledMs > 0 ? Math.min(pollMs, throttledMs) : pollMs);
  }

  /** Also tells the shared limit that the last sends ended, so other instances need not wait for their lease. */
  override async stop(): Promise<void> {
    await super.stop();
    await this.throughput.settle();
  }

  private async claim(limit: number): Promise<OutboxRow[]> {
    try {
      const claimed = await this.o.outbox.claim(this.o.db, this.now(), limit, this.o.leaseMs ?? 60_000);
      void this.backlog.claimed(claimed.length, limit);
      return claimed;
    } catch (error) {
      this.o.logger.error({ err: error }, 'outbox claim failed');
      return [];
    }
  }

  /** Starts sending a row, or puts it back for later when a rate limit says wait; returns that wait. */
  private async dispatch(row: OutboxRow): Promise<number> {
    const now = this.now();
    const pairWait = this.pairs.take(row.recipient, now);
    if (pairWait > 0) {
      await this.o.outbox.retryAt(this.o.db, row, now + pairWait, now, undefined, false);
      return 0;
    }
    const wait = this.throughput.take(this.rateNow());
    if (wait > 0) {
      await this.o.outbox.retryAt(this.o.db, row, now + wait, now, undefined, false);
      return wait;
    }
    this.o.outage.breaker.started(now);
    this.track(row.id, () => this.send(row).finally(() => this.throughput.finish(this.rateNow())));
    return 0;
  }

  private async send(row: OutboxRow): Promise<void> {
    const started = performance.now();
    let wamid: string;
    try {
      const payload = JSON.parse(row.payload) as OutboundMessage;
      ({ wamid } = await this.o.graph.sendMessage(row.recipient, payload, callbackDataFor(row.id)));
    } catch (error) {
      await this.handleFailure(row, error).catch((e: unknown) => this.o.logger.error({ err: e, outboxId: row.id }, 'could not record send failure'));
      return;
    }
    this.o.metrics.graphLatency.observe((performance.now() - started) / 1000);
    this.o.metrics.outboundSent.inc({ outcome: 'accepted', code: '' });
    if (row.attempts === 1 && row.cause) this.o.metrics.replyLatency.observe((this.now() - row.created_at) / 1000);
    await this.o.outage.succeeded().catch((e: unknown) => this.o.logger.warn({ err: e }, 'could not record that the Graph API answered'));
    await this.recordAccepted(row, wamid);
  }

  /**
   * Meta has the message, so a failure to record that (the database restarting) must never lead to sending it
   * again: the recording is retried for a few seconds. Past that the row keeps its lease, and once the lease ends
   * it waits for the status webhook that carries its callback data, as after a crash.
   */
  private async recordAccepted(row: OutboxRow, wamid: string): Promise<void> {
    const { logger } = this.o;
    const retrying = (error: unknown) => logger.warn({ err: errorMessage(error), outboxId: row.id }, 'recording a send Meta accepted failed; retrying');
    await retryFor(this.o.recordRetryMs ?? 5_000, () => this.acceptances.submit({ row, wamid }), retrying).catch((error: unknown) =>
      logger.error({ err: error, outboxId: row.id, wamid }, 'could not record a send Meta accepted; its status webhook will settle it'),
    );
  }

  private async handleFailure(row: OutboxRow, error: unknown): Promise<void> {
    const now = this.now();
    const { outbox, db, metrics, logger, maxAttempts = 10 } = this.o;
    if (error instanceof GraphUnreachableError) {
      // Meta may have accepted it: wait for a status webhook with our callback data before sending again.
      metrics.outboundSent.inc({ outcome: 'unreachable', code: '' });
      await this.o.outage.failed(error.message);
      logger.warn({ outboxId: row.id, err: error.message }, 'Graph API unreachable; send outcome unknown');
      return outbox.retryAt(db, row, now + (this.o.uncertainGraceMs ?? 30_000), now, { code: null, detail: error.message });
    }
    const code = error instanceof GraphError ? error.code : 131000;
    const status = error instanceof GraphError ? error.httpStatus : 500;
    const detail = errorMessage(error);
    const decision = classifyGraphError(code, status);
    metrics.outboundSent.inc({ outcome: decision.action, code: String(code) });
    // Meta itself failing, not this message: counts towards holding every send back. Anything else Meta answered proves it is up.
    if (isGraphOutage(code, status)) await this.o.outage.failed(detail);
    else await this.o.outage.succeeded();
    if (decision.action === 'pause_sending') {
      await this.o.pause.pause(code, detail);
      return outbox.retryAt(db, row, now, now, { code, detail }, false);
    }
    if (decision.action === 'retry' && row.attempts < maxAttempts) {
      if (code === 131056) this.pairs.drain(row.recipient, now);
      if (code === 130429) this.throughput.slowDown(this.rateNow());
      return outbox.retryAt(db, row, now + backoffDelay(row.attempts, decision.minDelayMs), now, { code, detail });
    }
    if (decision.action === 'needs_template' && (await outbox.useFallback(db, row, now, { code, detail }))) {
      logger.info({ outboxId: row.id, recipient: row.recipient }, 'customer-service window closed; sending the template instead');
      this.wake.notify();
      return;
    }
    logger.warn({ outboxId: row.id, code, detail, recipient: row.recipient }, 'outbound message rejected');
    return outbox.markRejected(db, row, code, detail, now);
  }
}
