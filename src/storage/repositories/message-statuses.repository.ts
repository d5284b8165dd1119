import type { Executor } from '../database.js';

export interface NewStatus {
  wamid: string;
  status: string;
  recipient: string;
  occurredAt: number;
  errorCode: number | null;
  payload: unknown;
}

/** Every status Meta reported for our messages, once per (wamid, status). */
export class MessageStatusesRepository {
  /** Returns false for a redelivered status. */
  async insertIfNew(db: Executor, status: NewStatus): Promise<boolean> {
    const inserted = await db
      .insertInto('message_statuses')
      .values({
        wamid: status.wamid,
        status: status.status,
        recipient: status.recipient,
        occurred_at: status.occurredAt,
        error_code: status.errorCode,
        payload: JSON.stringify(status.payload),
      })
      .onConflict((oc) => oc.columns(['wamid', 'status']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
}
