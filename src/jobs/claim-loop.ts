import { Signal } from '../platform/signal.js';

/**
 * The shape shared by the job runner and the outbox dispatcher: a loop that claims work, runs it without
 * waiting, and sleeps until woken (work arrived or finished) or a poll interval passed. `stop` waits for the
 * work in flight.
 */
export abstract class ClaimLoop {
  readonly wake = new Signal();
  /** Ids of the rows being worked on: the claim skips them (on SQLite this is the whole claim). */
  protected readonly inFlight = new Set<number>();
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
    while (this.inFlight.size > 0) await this.idle.wait(100);
  }

  /**
   * Whether a claim is worth its query: at once when idle, otherwise only once a quarter of the capacity is
   * free, so under load one claim takes several rows instead of one per finished row.
   */
  protected worthClaiming(free: number, capacity: number): boolean {
    return free > 0 && (this.inFlight.size === 0 || free >= Math.max(1, Math.floor(capacity / 4)));
  }

  /** Runs work in the background, counted as in flight; its end wakes the loop to claim more. */
  protected track(id: number, work: () => Promise<void>): void {
    this.inFlight.add(id);
    void work().finally(() => {
      this.inFlight.delete(id);
      this.idle.notify();
      this.wake.notify();
    });
  }
}
