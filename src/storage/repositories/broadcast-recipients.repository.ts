import { sql } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import type { BroadcastRecipientRow, RecipientState } from '../schema.js';
import { inAudience, optedIn, type AudienceFilter } from './broadcast-audience.sql.js';

/** Broadcast messages wait behind replies and notices (priority 0) in the outbox. */
export const BROADCAST_PRIORITY = 1;

export const broadcastCause = (broadcastId: number): string => `broadcast:${broadcastId}`;
/** One outbox row per (broadcast, citizen): the unique key makes feeding them again harmless. */
const keyPrefix = (broadcastId: number): string => `${broadcastCause(broadcastId)}:`;

export interface FeedBatch {
  broadcastId: number;
  /** JSON of the Graph message. */
  payload: string;
  topics: readonly string[];
  limit: number;
  /** The outbox rows are never sent at or after this time (the next quiet hours). */
  sendBefore: number;
  now: number;
}

export interface RecipientWithMessage extends Pick<BroadcastRecipientRow, 'id' | 'broadcast_id' | 'state' | 'accepted_at' | 'outbox_id'> {
  wamid: string | null;
}

export interface RecipientProgress {
  id: number;
  state: RecipientState;
  acceptedAt: number | null;
  /** Set (the message failed) or cleared (nulls: a later status outranked the failure); absent: kept. */
  failure?: { errorCode: number | null; failedAt: number | null };
}

/** A broadcast's frozen audience and each recipient's progress; feeds the outbox in bounded batches. */
export class BroadcastRecipientsRepository {
  constructor(private readonly dialect: Dialect) {}

  async countAudience(db: Executor, filter: AudienceFilter): Promise<number> {
    const row = await db.selectFrom('citizen_profiles').select((eb) => eb.fn.countAll<number>().as('n')).where((eb) => inAudience(eb, filter)).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Copies the next `size` citizens of the audience (by key, after `after`) into the broadcast's recipients, set-based.
   * Returns how many went in and the last key copied; `done` once the audience is exhausted.
   */
  async snapshotChunk(db: Executor, broadcastId: number, filter: AudienceFilter, after: string | null, size: number, now: number): Promise<{ inserted: number; last: string | null; done: boolean }> {
    const audience = db.selectFrom('citizen_profiles').where((eb) => inAudience(eb, filter));
    const from = after === null ? audience : audience.where('citizen_profiles.citizen_key', '>', after);
    const bound = await from.select('citizen_profiles.citizen_key').orderBy('citizen_profiles.citizen_key').offset(size - 1).limit(1).executeTakeFirst();
    const chunk = bound ? from.where('citizen_profiles.citizen_key', '<=', bound.citizen_key) : from;
    const result = await db
      .insertInto('broadcast_recipients')
      .columns(['broadcast_id', 'citizen_key', 'state', 'updated_at'])
      .expression(chunk.select([sql<number>`cast(${broadcastId} as bigint)`.as('broadcast_id'), 'citizen_profiles.citizen_key', sql.lit('queued').as('state'), sql<number>`cast(${now} as bigint)`.as('updated_at')]))
      .onConflict((oc) => oc.columns(['broadcast_id', 'citizen_key']).doNothing())
      .executeTakeFirst();
    return { inserted: Number(result.numInsertedOrUpdatedRows ?? 0), last: bound?.citizen_key ?? null, done: !bound };
  }

  async countInState(db: Executor, broadcastId: number, state: RecipientState): Promise<number> {
    const row = await db.selectFrom('broadcast_recipients').select((eb) => eb.fn.countAll<number>().as('n')).where('broadcast_id', '=', broadcastId).where('state', '=', state).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async anyInState(db: Executor, broadcastId: number, states: readonly RecipientState[]): Promise<boolean> {
    return (await db.selectFrom('broadcast_recipients').select('id').where('broadcast_id', '=', broadcastId).where('state', 'in', [...states]).limit(1).executeTakeFirst()) !== undefined;
  }

  /**
   * Hands the next `limit` queued recipients to the outbox, one message each, in the same transaction that marks them
   * fed; those no longer opted in (to the list or the broadcast's topics) are skipped instead.
   */
  async feed(db: Executor, b: FeedBatch): Promise<{ fed: number; skipped: number }> {
    const bound = await db.selectFrom('broadcast_recipients').select('id').where('broadcast_id', '=', b.broadcastId).where('state', '=', 'queued').orderBy('id').offset(b.limit - 1).limit(1).executeTakeFirst();
    const batch = db.selectFrom('broadcast_recipients').where('broadcast_recipients.broadcast_id', '=', b.broadcastId).where('broadcast_recipients.state', '=', 'queued');
    const inBatch = bound ? batch.where('broadcast_recipients.id', '<=', bound.id) : batch;
    const prefix = keyPrefix(b.broadcastId);
    await db
      .insertInto('outbox')
      .columns(['idempotency_key', 'recipient', 'payload', 'state', 'attempts', 'next_attempt_at', 'cause', 'created_at', 'updated_at', 'priority', 'send_before'])
      .expression(
        inBatch
          .innerJoin('citizen_profiles', 'citizen_profiles.citizen_key', 'broadcast_recipients.citizen_key')
          .where((eb) => optedIn(eb, b.topics))
          .select([
            sql<string>`${prefix} || broadcast_recipients.citizen_key`.as('idempotency_key'),
            'broadcast_recipients.citizen_key as recipient',
            sql<string>`cast(${b.payload} as text)`.as('payload'),
            sql.lit('pending').as('state'),
            sql.lit(0).as('attempts'),
            sql<number>`cast(${b.now} as bigint)`.as('next_attempt_at'),
            sql<string>`cast(${broadcastCause(b.broadcastId)} as text)`.as('cause'),
            sql<number>`cast(${b.now} as bigint)`.as('created_at'),
            sql<number>`cast(${b.now} as bigint)`.as('updated_at'),
            sql.lit(BROADCAST_PRIORITY).as('priority'),
            sql<number>`cast(${b.sendBefore} as bigint)`.as('send_before'),
          ])
          .orderBy('broadcast_recipients.id'),
      )
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
    const messageOf = sql<number>`(select o.id from outbox o where o.idempotency_key = ${prefix} || broadcast_recipients.citizen_key)`;
    let fedUpdate = db
      .updateTable('broadcast_recipients')
      .set({ state: 'fed', outbox_id: messageOf, updated_at: b.now })
      .where('broadcast_id', '=', b.broadcastId)
      .where('state', '=', 'queued')
      .where(sql<boolean>`${messageOf} is not null`);
    let skipUpdate = db.updateTable('broadcast_recipients').set({ state: 'skipped', updated_at: b.now }).where('broadcast_id', '=', b.broadcastId).where('state', '=', 'queued');
    if (bound) {
      fedUpdate = fedUpdate.where('id', '<=', bound.id);
      skipUpdate = skipUpdate.where('id', '<=', bound.id);
    }
    const fed = Number((await fedUpdate.executeTakeFirst()).numUpdatedRows);
    const skipped = Number((await skipUpdate.executeTakeFirst()).numUpdatedRows);
    return { fed, skipped };
  }

  /** Outbox ids of the recipients whose message is in the outbox and not settled yet. */
  private fedMessages(db: Executor, broadcastId: number) {
    return db.selectFrom('broadcast_recipients').select('outbox_id').where('broadcast_id', '=', broadcastId).where('state', '=', 'fed');
  }

  /** Holds the broadcast's waiting messages back from now on (pause, cancel), or lets them go until `until`. */
  async setSendBefore(db: Executor, broadcastId: number, until: number, onlyExpiredAt?: number): Promise<number> {
    let query = db.updateTable('outbox').set({ send_before: until }).where('id', 'in', this.fedMessages(db, broadcastId)).where('state', '=', 'pending');
    if (onlyExpiredAt !== undefined) query = query.where('send_before', '<=', onlyExpiredAt);
    return Number((await query.executeTakeFirst()).numUpdatedRows);
  }

  /** Moves fed recipients on by what the outbox did with their message: accepted, refused, or gone. */
  async settle(db: Executor, broadcastId: number, now: number): Promise<{ accepted: number; rejected: number; gone: number }> {
    const fed = () => db.updateTable('broadcast_recipients').where('broadcast_id', '=', broadcastId).where('state', '=', 'fed');
    const message = sql`(select o.state from outbox o where o.id = broadcast_recipients.outbox_id)`;
    const accepted = await fed()
      .set({ state: 'sent', accepted_at: sql<number>`(select o.accepted_at from outbox o where o.id = broadcast_recipients.outbox_id)`, updated_at: now })
      .where(sql<boolean>`${message} = 'accepted'`)
      .executeTakeFirst();
    const rejected = await fed()
      .set({ state: 'failed', error_code: sql<number>`(select o.error_code from outbox o where o.id = broadcast_recipients.outbox_id)`, failed_at: now, updated_at: now })
      .where(sql<boolean>`${message} = 'rejected'`)
      .executeTakeFirst();
    // The message was deleted with the citizen's data (anonymisation).
    const gone = await fed().set({ state: 'skipped', updated_at: now }).where(sql<boolean>`${message} is null`).executeTakeFirst();
    return { accepted: Number(accepted.numUpdatedRows), rejected: Number(rejected.numUpdatedRows), gone: Number(gone.numUpdatedRows) };
  }

  /** Withdraws a cancelled broadcast's messages still waiting in the outbox; their recipients end cancelled. */
  async withdraw(db: Executor, broadcastId: number, now: number): Promise<number> {
    await db
      .updateTable('outbox')
      .set({ state: 'rejected', error_detail: 'broadcast cancelled', lease_until: null, updated_at: now })
      .where('id', 'in', this.fedMessages(db, broadcastId))
      .where('state', '=', 'pending')
      .execute();
    const result = await db
      .updateTable('broadcast_recipients')
      .set({ state: 'cancelled', updated_at: now })
      .where('broadcast_id', '=', broadcastId)
      .where('state', '=', 'fed')
      .where(sql<boolean>`(select o.error_detail from outbox o where o.id = broadcast_recipients.outbox_id) = 'broadcast cancelled'`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The recipients of these messages (by outbox id or wamid), held for the transaction on PostgreSQL. */
  async byMessages(db: Executor, outboxIds: readonly number[], wamids: readonly string[]): Promise<RecipientWithMessage[]> {
    if (outboxIds.length === 0 && wamids.length === 0) return [];
    const query = db
      .selectFrom('broadcast_recipients as r')
      .innerJoin('outbox as o', 'o.id', 'r.outbox_id')
      .select(['r.id', 'r.broadcast_id', 'r.state', 'r.accepted_at', 'r.outbox_id', 'o.wamid'])
      .where((eb) => eb.or([...(outboxIds.length ? [eb('o.id', 'in', [...outboxIds])] : []), ...(wamids.length ? [eb('o.wamid', 'in', [...wamids])] : [])]))
      .orderBy('r.id');
    return this.dialect === 'postgres' ? query.forUpdate('r').execute() : query.execute();
  }

  /** Moves recipients on, all in one statement on PostgreSQL (a busy broadcast brings hundreds of statuses at once). */
  async recordProgress(db: Executor, changes: readonly RecipientProgress[], now: number): Promise<void> {
    if (changes.length === 0) return;
    if (this.dialect === 'sqlite') {
      for (const change of changes) {
        await db
          .updateTable('broadcast_recipients')
          .set({ state: change.state, accepted_at: change.acceptedAt, ...(change.failure !== undefined ? { error_code: change.failure.errorCode, failed_at: change.failure.failedAt } : {}), updated_at: now })
          .where('id', '=', change.id)
          .execute();
      }
      return;
    }
    const column = <T>(pick: (change: RecipientProgress) => T) => changes.map(pick);
    await sql`
      update broadcast_recipients r set state = v.state, accepted_at = v.accepted_at, updated_at = ${now},
        error_code = case when v.sets_failure then v.error_code else r.error_code end,
        failed_at = case when v.sets_failure then v.failed_at else r.failed_at end
      from unnest(${column((c) => c.id)}::int8[], ${column((c) => c.state)}::text[], ${column((c) => c.acceptedAt)}::int8[],
        ${column((c) => c.failure !== undefined)}::bool[], ${column((c) => c.failure?.errorCode ?? null)}::int4[], ${column((c) => c.failure?.failedAt ?? null)}::int8[])
        as v(id, state, accepted_at, sets_failure, error_code, failed_at)
      where r.id = v.id`.execute(db);
  }

  /** Failed recipients, newest first, before the recipient id `before`. */
  async failures(db: Executor, broadcastId: number, before: number | undefined, limit: number): Promise<BroadcastRecipientRow[]> {
    let query = db.selectFrom('broadcast_recipients').selectAll().where('broadcast_id', '=', broadcastId).where('state', '=', 'failed');
    if (before !== undefined) query = query.where('id', '<', before);
    return query.orderBy('id', 'desc').limit(limit).execute();
  }

  /** The first failure with one of `codes`, if any. */
  async firstFailureWith(db: Executor, broadcastId: number, codes: readonly number[]): Promise<number | undefined> {
    const row = await db.selectFrom('broadcast_recipients').select('error_code').where('broadcast_id', '=', broadcastId).where('state', '=', 'failed').where('error_code', 'in', [...codes]).limit(1).executeTakeFirst();
    return row?.error_code === null || row === undefined ? undefined : Number(row.error_code);
  }

  async failuresByCode(db: Executor, broadcastId: number): Promise<Array<{ code: number | null; n: number }>> {
    const rows = await db
      .selectFrom('broadcast_recipients')
      .select(['error_code as code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('broadcast_id', '=', broadcastId)
      .where('state', '=', 'failed')
      .groupBy('error_code')
      .execute();
    return rows.map((r) => ({ code: r.code === null ? null : Number(r.code), n: Number(r.n) }));
  }

  /** Recipients no longer opted in to the list (or to any of the broadcast's topics). */
  async countOptedOut(db: Executor, broadcastId: number, topics: readonly string[]): Promise<number> {
    const row = await db
      .selectFrom('broadcast_recipients')
      .leftJoin('citizen_profiles', 'citizen_profiles.citizen_key', 'broadcast_recipients.citizen_key')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('broadcast_recipients.broadcast_id', '=', broadcastId)
      .where((eb) => eb.not(optedIn(eb, topics)))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
