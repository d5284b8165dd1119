import type { App } from '../../src/app/create-app.js';
import type { EnqueueOutbound } from '../../src/storage/repositories/outbox.repository.js';

/**
 * Sends Meta already refused, for pages and APIs that list refusals. Enqueued and marked refused in one transaction:
 * enqueued first and refused after, a running dispatcher may claim and send one in between, and the refusal shown
 * is then the simulator's, not this one.
 */
export const enqueueRefused = (app: App, messages: EnqueueOutbound[], now: number, refusal: { code: number; detail: string }): Promise<void> =>
  app.storage.db.transaction().execute(async (tx) => {
    await app.repos.outbox.enqueue(tx, messages, now);
    const rows = await tx.selectFrom('outbox').select(['id', 'attempts']).where('idempotency_key', 'in', messages.map((m) => m.idempotencyKey)).execute();
    for (const row of rows) await app.repos.outbox.markRejected(tx, row, refusal.code, refusal.detail, now);
  });
