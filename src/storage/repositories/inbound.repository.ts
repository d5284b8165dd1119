import { sql } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import { multiRowInsert } from '../multi-row-insert.js';
import type { JobsRepository } from './jobs.repository.js';

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
  private readonly insertMessages;

  constructor(
    private readonly dialect: Dialect,
    private readonly jobs: JobsRepository,
  ) {
    this.insertMessages = multiRowInsert<'inbound_messages', { wamid: string }>(dialect, 'inbound_messages',
      ['wamid', 'citizen_key', 'phone_number_id', 'type', 'sent_at', 'received_at', 'payload'], 'on conflict ("wamid") do nothing returning "wamid"');
  }

  /**
   * Stores the messages not seen before, each with a job of `jobKind` (payload `{ wamid }`, grouped by citizen, in
   * the messages' order), atomically; returns the wamids that were new. On PostgreSQL this is one statement, so a
   * batch of webhooks costs one round trip and needs no transaction of its own.
   */
  async insertManyWithJobs(db: Executor, messages: NewInbound[], jobKind: string, now: number): Promise<string[]> {
    if (messages.length === 0) return [];
    if (this.dialect === 'postgres') return this.insertManyWithJobsInOneStatement(db, messages, jobKind, now);
    if (!db.isTransaction) return db.transaction().execute((tx) => this.insertManyWithJobs(tx, messages, jobKind, now));
    const fresh = new Set(await this.insertManyIfNew(db, messages, now));
    const queued = messages.filter((m) => fresh.delete(m.wamid));
    await this.jobs.enqueueMany(db, queued.map((m) => ({ kind: jobKind, groupKey: m.citizenKey, payload: { wamid: m.wamid } })), now);
    return queued.map((m) => m.wamid);
  }

  private async insertManyWithJobsInOneStatement(db: Executor, messages: NewInbound[], jobKind: string, now: number): Promise<string[]> {
    const column = <K extends keyof NewInbound>(key: K) => messages.map((m) => m[key]);
    // Arrays, not a VALUES list: one statement text whatever the batch size. The payloads go as one JSON array,
    // whose elements keep their text exactly: a text[] literal would escape every quote in them, which cost a
    // quarter of the client's CPU for this statement. Rows are inserted in the messages' order, so ids (and the
    // jobs, which follow them) keep each citizen's order.
    const result = await sql<{ wamid: string }>`
      with input as (
        select m.wamid, m.citizen_key, m.phone_number_id, m.type, m.sent_at, p.payload::text as payload, m.ord
        from unnest(${column('wamid')}::text[], ${column('citizenKey')}::text[], ${column('phoneNumberId')}::text[],
          ${column('type')}::text[], ${column('sentAt')}::int8[])
          with ordinality as m(wamid, citizen_key, phone_number_id, type, sent_at, ord)
        join json_array_elements(${JSON.stringify(column('payload'))}::json) with ordinality as p(payload, ord) on p.ord = m.ord
      ),
      fresh as (
        insert into inbound_messages (wamid, citizen_key, phone_number_id, type, sent_at, received_at, payload)
        select wamid, citizen_key, phone_number_id, type, sent_at, ${now}, payload from input order by ord
        on conflict (wamid) do nothing
        returning id, wamid, citizen_key
      ),
      queued as (
        insert into jobs (kind, group_key, payload, status, attempts, run_at, created_at, updated_at)
        select ${jobKind}, citizen_key, json_build_object('wamid', wamid)::text, 'pending', 0, ${now}, ${now}, ${now}
        from fresh order by id
      )
      select wamid from fresh`.execute(db);
    return result.rows.map((row) => row.wamid);
  }

  /** Returns false when this wamid was stored before (a redelivery). */
  async insertIfNew(db: Executor, message: NewInbound, now: number): Promise<boolean> {
    return (await this.insertManyIfNew(db, [message], now)).length === 1;
  }

  /** Inserts in one statement; returns the wamids that were new (redeliveries and repeats are skipped). */
  async insertManyIfNew(db: Executor, messages: NewInbound[], now: number): Promise<string[]> {
    const rows = messages.map((m) => [m.wamid, m.citizenKey, m.phoneNumberId, m.type, m.sentAt, now, JSON.stringify(m.payload)]);
    return (await this.insertMessages(db, rows)).map((row) => row.wamid);
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
