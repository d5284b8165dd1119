/**
 * Group commit: items submitted in the same turn of the event loop, or while a batch is being written, go
 * together in the next batch, so under load many webhook notifications share one transaction, and alone each
 * still goes at once (after the current turn). If a batch fails, its items are retried one by one, so one bad
 * item cannot fail the others.
 */
export class Batcher<T, R> {
  private queue: Array<{ item: T; resolve: (value: R) => void; reject: (error: unknown) => void }> = [];
  private busy = false;

  constructor(
    private readonly writeBatch: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.writeBatch(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i] as R));
      } catch (error) {
        if (batch.length === 1) batch[0]?.reject(error);
        else for (const entry of batch) await this.writeBatch([entry.item]).then(([r]) => entry.resolve(r as R), entry.reject);
      }
    }
    this.busy = false;
  }
}
