import { advanceBroadcast, broadcastsUnderWay, refreshOptOuts, startDueBroadcasts, type RunnerContext } from '../domain/broadcasts/index.js';
import type { Clock } from '../platform/clock.js';
import type { LiveEvents } from '../platform/live-events.js';
import type { Logger } from '../platform/logger.js';
import { Signal } from '../platform/signal.js';

export interface BroadcastRunnerOptions {
  context: RunnerContext;
  clock: Clock;
  logger: Logger;
  liveEvents: LiveEvents;
  /** Called after a step handed messages over, so the dispatcher claims them without waiting for its poll. */
  onFed: () => void;
  intervalMs?: number;
  /** Consoles hear of broadcast progress at most this often. */
  announceEveryMs?: number;
}

/**
 * Drives broadcasts: starts the scheduled ones when their time comes, copies their audience, feeds the outbox in
 * small batches, counts what happened, and tells consoles (throttled) that figures changed. Every step is a
 * transaction on the database, so several instances may run it and a restart resumes where it stopped.
 */
export class BroadcastRunner {
  readonly wake = new Signal();
  private running = false;
  private loop: Promise<void> | undefined;
  private announced = 0;
  private announcedAt = 0;

  constructor(private readonly o: BroadcastRunnerOptions) {}

  async tick(): Promise<void> {
    const { context, logger } = this.o;
    const now = this.o.clock.now().getTime();
    await startDueBroadcasts(context, now);
    const underWay = await broadcastsUnderWay(context);
    for (const id of underWay) {
      await advanceBroadcast(context, id, now).catch((error: unknown) => logger.error({ err: error, broadcastId: id }, 'broadcast step failed'));
    }
    if (underWay.length > 0) this.o.onFed();
    await refreshOptOuts(context, now);
    await this.announce(now);
  }

  private async announce(now: number): Promise<void> {
    const changed = await this.o.context.repos.broadcasts.lastChange(this.o.context.db);
    if (changed <= this.announced || now - this.announcedAt < (this.o.announceEveryMs ?? 1_000)) return;
    this.announced = changed;
    this.announcedAt = now;
    this.o.liveEvents.publish({ type: 'broadcasts' });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.tick().catch((error: unknown) => this.o.logger.error({ err: error }, 'broadcast runner failed'));
        await this.wake.wait(this.o.intervalMs ?? 250);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.notify();
    await this.loop;
  }
}
