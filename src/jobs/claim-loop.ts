import { Signal } from '../platform/signal.js';

/**
 * The shape shared by the job runner and the outbox dispatcher: a loop that claims work, runs it without
 * waiting, and sleeps until woken (work arrived or finished) or a poll interval passed. `stop` waits for the
 * work in flight.
 */
export abstract class ClaimLoop {
  readonly wake = new Signal();
  protected inflight = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly idle = new Signal();

  /** One round: claim, start what was claimed, then wait on `this.wake`. */
  protected abstract round(): Promise<void>;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) await this.round();
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.notify();
    await this.loop;
    while (this.inflight > 0) await this.idle.wait(100);
  }

  /** Runs work in the background, counted as in flight; its end wakes the loop to claim more. */
  protected track(work: Promise<void>): void {
    this.inflight += 1;
    void work.finally(() => {
      this.inflight -= 1;
      this.idle.notify();
      this.wake.notify();
    });
  }
}
