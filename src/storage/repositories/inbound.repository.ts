import type { Executor } from '../database.js';

export interface NewInbound {
  wamid: string;
  citizenKey: string;
  phoneNumberId: string;
  type: string;
  sentAt: number;
  payload: unknown;
}

export interface StoredInbound {
  id: number;
  wamid: string;
  citizen_key: string;
  type: string;
  sent_at: number;
  received_at: number;
  payload: string;
  processed_at: number | null;
}

/** Inbound messages as received; the unique wamid makes Meta's redeliveries harmless. */
export class InboundRepository {
  /** Returns false when this wamid was stored before (a redelivery). */
  async insertIfNew(db: Executor, message: NewInbound, now: number): Promise<boolean> {
    return (await this.insertManyIfNew(db, [message], now)).length === 1;
  }

  /** Inserts in one statement; returns the wamids that were new (redeliveries and repeats are skipped). */
  async insertManyIfNew(db: Executor, messages: NewInbound[], now: number): Promise<string[]> {
    const rows = await db
      .insertInto('inbound_messages')
      .values(
        messages.map((message) => ({
          wamid: message.wamid,
          citizen_key: message.citizenKey,
          phone_number_id: message.phoneNumberId,
          type: message.type,
          sent_at: message.sentAt,
          received_at: now,
          payload: JSON.stringify(message.payload),
        })),
      )
      .onConflict((oc) => oc.column('wamid').doNothing())
      .returning('wamid')
      .execute();
    return rows.map((row) => row.wamid);
  }

  async byWamid(db: Executor, wamid: string): Promise<StoredInbound | undefined> {
    return db
      .selectFrom('inbound_messages')
      .select(['id', 'wamid', 'citizen_key', 'type', 'sent_at', 'received_at', 'payload', 'processed_at'])
      .where('wamid', '=', wamid)
      .executeTakeFirst();
  }

  /** A citizen's messages received before `before` (Unix ms), newest first. */
  async historyOf(db: Executor, citizenKey: string, before: number, limit: number): Promise<StoredInbound[]> {
    return db
      .selectFrom('inbound_messages')
      .select(['id', 'wamid', 'citizen_key', 'type', 'sent_at', 'received_at', 'payload', 'processed_at'])
      .where('citizen_key', '=', citizenKey)
      .where('received_at', '<', before)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async markProcessed(db: Executor, wamid: string, now: number): Promise<void> {
    await db.updateTable('inbound_messages').set({ processed_at: now }).where('wamid', '=', wamid).execute();
  }

  async count(db: Executor): Promise<number> {
    const row = await db.selectFrom('inbound_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
