import { CHANNEL_SETTINGS, type GraphOutageRecord } from '../domain/operations/index.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';
import type { Db } from '../storage/database.js';
import type { SettingsRepository } from '../storage/repositories/settings.repository.js';
import { CircuitBreaker } from './circuit-breaker.js';

const GRAPH_OUTAGE_KEY = CHANNEL_SETTINGS.graphUnavailable;

/**
 * The dispatcher's circuit breaker, made visible: an outage is logged once, counted in a metric and recorded in
 * the settings table, where every instance's console API reads it (see channelStatus); the end too.
 */
export class GraphOutage {
  readonly breaker = new CircuitBreaker({ threshold: 5, firstOpenMs: 5_000, maxOpenMs: 60_000 });

  constructor(
    private readonly deps: { db: Db; settings: SettingsRepository; clock: Clock; logger: Logger; metrics: Metrics },
  ) {}

  /** A new process starts with the circuit closed: an outage recorded by its previous life is over for it. */
  async clearOnStart(): Promise<void> {
    await this.deps.settings.remove(this.deps.db, GRAPH_OUTAGE_KEY);
  }

  async failed(detail: string): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (this.breaker.failed(now) !== 'opened') return;
    this.deps.metrics.graphUnavailable.set(1);
    this.deps.logger.error({ detail }, 'Graph API failing: holding sends back, probing every few seconds');
    await this.deps.settings.set(this.deps.db, GRAPH_OUTAGE_KEY, { since: now, detail } satisfies GraphOutageRecord, now);
  }

  async succeeded(): Promise<void> {
    if (this.breaker.succeeded() !== 'closed') return;
    this.deps.metrics.graphUnavailable.set(0);
    this.deps.logger.info('Graph API answering again: sending resumed');
    await this.deps.settings.remove(this.deps.db, GRAPH_OUTAGE_KEY);
  }
}
