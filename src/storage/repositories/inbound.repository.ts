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
    const payloads = messages.map((m) => JSON.stringify(m.payload));
    // Arrays, not a VALUES list: one statement text whatever the batch size. Jobs follow the messages' order.
    const result = await sql<{ wamid: string }>`
      with input as (
        select * from unnest(${column('wamid')}::text[], ${column('citizenKey')}::text[], ${column('phoneNumberId')}::text[],
          ${column('type')}::text[], ${column('sentAt')}::int8[], ${payloads}::text[])
          with ordinality as m(wamid, citizen_key, phone_number_id, type, sent_at, payload, ord)
      ),
      fresh as (
        insert into inbound_messages (wamid, citizen_key, phone_number_id, type, sent_at, received_at, payload)
        select wamid, citizen_key, phone_number_id, type, sent_at, ${now}, payload from input order by ord
        on conflict (wamid) do nothing
        returning wamid, citizen_key
      ),
      queued as (
        insert into jobs (kind, group_key, payload, status, attempts, run_at, created_at, updated_at)
        select ${jobKind}, fresh.citizen_key, json_build_object('wamid', fresh.wamid)::text, 'pending', 0, ${now}, ${now}, ${now}
        from fresh join (select wamid, min(ord) as ord from input group by wamid) firsts on firsts.wamid = fresh.wamid
        order by firsts.ord
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
