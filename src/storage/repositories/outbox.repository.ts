import { sql } from 'kysely';
import type { Db, Dialect, Executor } from '../database.js';
import { claimLimit, pickedIds, refreshQueueStatistics } from './claim.sql.js';
import type { DeliveryStatus, OutboxRow } from '../schema.js';

export interface EnqueueOutbound {
  idempotencyKey: string;
  recipient: string;
  payload: unknown;
  cause?: string;
  /** Sent instead if Meta refuses `payload` because the 24-hour window closed. */
  fallback?: unknown;
  /** 'attendant:<user id>' when a person wrote it in the console; the bot otherwise. */
  author?: string;
}

export interface DeliveryUpdate {
  wamid: string;
  status: DeliveryStatus;
  errorCode: number | null;
  /** The row named by the send's callback data, when the status carried it. */
  outboxId: number | null;
}

type DeliveryRow = Pick<OutboxRow, 'id' | 'delivery' | 'state' | 'attempts'> & { wamid: string };

/** A message's delivery after a list of statuses; `errorCode` undefined keeps the one it has. */
interface SettledDelivery {
  delivery: DeliveryStatus;
  errorCode?: number | null;
}

/** Folds the statuses over each message's delivery, in order: only a status that outranks the current one counts. */
const settledDeliveries = (updates: readonly DeliveryUpdate[], rows: ReadonlyMap<string, DeliveryRow>): Map<number, SettledDelivery> => {
  const settled = new Map<number, SettledDelivery>();
  for (const update of updates) {
    const row = rows.get(update.wamid);
    if (!row) continue;
    const current = settled.get(row.id);
    if (!outranks(update.status, current?.delivery ?? row.delivery)) continue;
    settled.set(row.id, update.status === 'failed' ? { delivery: 'failed', errorCode: update.errorCode } : { ...current, delivery: update.status });
  }
  return settled;
};

/** sent < failed < delivered < read: a late `delivered` never overwrites `read`, and `failed` only replaces `sent`. */
const DELIVERY_RANK: Record<DeliveryStatus, number> = { sent: 1, failed: 2, delivered: 3, read: 4 };

export const isDeliveryStatus = (status: string): status is DeliveryStatus => status in DELIVERY_RANK;

export const outranks = (next: DeliveryStatus, current: DeliveryStatus | null): boolean =>
  current === null || DELIVERY_RANK[next] > DELIVERY_RANK[current];

/** Outbound messages waiting for, in, or after dispatch to the Graph API. */
export class OutboxRepository {
  constructor(private readonly dialect: Dialect) {}

  /** Adds messages in order; a repeated idempotency key is ignored, so re-running a cause never sends twice. */
  async enqueue(db: Executor, messages: EnqueueOutbound[], now: number): Promise<number> {
    if (messages.length === 0) return 0;
    const result = await db
      .insertInto('outbox')
      .values(
        messages.map((m) => ({
          idempotency_key: m.idempotencyKey,
          recipient: m.recipient,
          payload: JSON.stringify(m.payload),
          state: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          cause: m.cause ?? null,
          fallback_payload: m.fallback === undefined ? null : JSON.stringify(m.fallback),
          author: m.author ?? null,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /**
   * The next ready messages, replies before broadcast messages (lowest priority first), each the first unsettled one
   * of its recipient at its priority or above (order per citizen); `attempts` is the number of this attempt. The
   * claim is durable on both dialects (state sending, a lease; SKIP LOCKED on PostgreSQL): after a crash the
   * messages that were in flight wait for Meta's status webhook instead of being sent again at once.
   */
  async claim(db: Executor, now: number, limit: number, leaseMs: number): Promise<OutboxRow[]> {
    const candidates = db
      .selectFrom('outbox as o')
      .select('o.id')
      .where('o.state', '=', 'pending')
      .where('o.next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('o.send_before', 'is', null), eb('o.send_before', '>', now)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('outbox as p')
              .select(sql.lit(1).as('one'))
              .whereRef('p.recipient', '=', 'o.recipient')
              .where('p.state', 'in', ['pending', 'sending'])
              .where((eb) => eb.or([eb('p.priority', '<', eb.ref('o.priority')), eb.and([eb('p.priority', '=', eb.ref('o.priority')), eb('p.id', '<', eb.ref('o.id'))])]))
              // A message held back (paused broadcast, quiet hours) holds back nobody else.
              .where((eb) => eb.or([eb('p.state', '=', 'sending'), eb('p.send_before', 'is', null), eb('p.send_before', '>', now)])),
          ),
        ),
      )
      .orderBy('o.priority')
      .orderBy('o.id')
      .limit(claimLimit(this.dialect, limit));
    const claimed =
      this.dialect === 'postgres'
        ? db
            .with('picked', () => candidates.forUpdate().skipLocked())
            .updateTable('outbox')
            .set((eb) => ({ state: 'sending', attempts: eb('outbox.attempts', '+', 1), lease_until: now + leaseMs, updated_at: now }))
            .where(pickedIds)
            .returningAll('outbox')
        : db
            .updateTable('outbox')
            .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', 1), lease_until: now + leaseMs, updated_at: now }))
            .where('id', 'in', candidates)
            .where('state', '=', 'pending')
            .returningAll();
    return (await claimed.execute()).sort((a, b) => a.priority - b.priority || a.id - b.id);
  }

  /**
   * Refreshes PostgreSQL's statistics of the outbox, after a broadcast filled it with waiting messages: with the old
   * ones a claim took 13 ms with 2,000 waiting, a fifth of the sending rate.
   */
  async refreshPlannerStatistics(db: Executor): Promise<void> {
    await refreshQueueStatistics(this.dialect, db, 'outbox');
  }

  /**
   * Records Meta's acceptance of several sends in one transaction (group commit); `alsoRecord` runs in it with how
   * many were newly accepted, so what counts sends (reports) never counts one twice or misses one.
   */
  async markAcceptedMany(
    db: Db,
    accepted: Array<{ row: Pick<OutboxRow, 'id' | 'attempts'>; wamid: string }>,
    now: number,
    alsoRecord?: (tx: Executor, newlyAccepted: number) => Promise<void>,
  ): Promise<void> {
    await db.transaction().execute(async (tx) => {
      const newlyAccepted = await this.markAcceptedRows(tx, accepted, now);
      await alsoRecord?.(tx, newlyAccepted);
    });
  }

  /** How many of the rows were still waiting to be sent; on PostgreSQL one statement for all (a broadcast sends 1,000 a second). */
  private async markAcceptedRows(tx: Executor, accepted: Array<{ row: Pick<OutboxRow, 'id' | 'attempts'>; wamid: string }>, now: number): Promise<number> {
    if (this.dialect === 'sqlite') {
      let newlyAccepted = 0;
      for (const { row, wamid } of accepted) if (await this.markAccepted(tx, row, wamid, now)) newlyAccepted += 1;
      return newlyAccepted;
    }
    const ids = accepted.map((a) => a.row.id);
    const wamids = accepted.map((a) => a.wamid);
    const attempts = accepted.map((a) => a.row.attempts);
    const updated = await sql<{ id: number }>`
      update outbox set state = 'accepted', wamid = v.wamid, attempts = v.attempts, accepted_at = ${now}, lease_until = null,
        error_code = null, error_detail = null, updated_at = ${now}
      from unnest(${ids}::int8[], ${wamids}::text[], ${attempts}::int4[]) as v(id, wamid, attempts)
      where outbox.id = v.id and outbox.state in ('sending', 'pending')
      returning outbox.id`.execute(tx);
    return updated.rows.length;
  }

  /** False when the row was no longer waiting to be sent (already recorded, or given up). */
  async markAccepted(db: Executor, row: Pick<OutboxRow, 'id' | 'attempts'>, wamid: string, now: number): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ state: 'accepted', wamid, attempts: row.attempts, accepted_at: now, lease_until: null, error_code: null, error_detail: null, updated_at: now })
      .where('id', '=', row.id)
      .where('state', 'in', ['sending', 'pending'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Back to the queue at `at`; `countAttempt: false` when the attempt never reached Meta (a local rate limit). */
  async retryAt(db: Executor, row: Pick<OutboxRow, 'id' | 'attempts'>, at: number, now: number, error?: { code: number | null; detail: string }, countAttempt = true): Promise<void> {
    await db
      .updateTable('outbox')
      .set({
        state: 'pending',
        attempts: countAttempt ? row.attempts : row.attempts - 1,
        next_attempt_at: at,
        lease_until: null,
        updated_at: now,
        ...(error ? { error_code: error.code, error_detail: error.detail.slice(0, 1000) } : {}),
      })
      .where('id', '=', row.id)
      .where('state', 'in', ['sending', 'pending'])
      .execute();
  }

  /** Puts the fallback in the payload's place, ready to send now; false when the message has none (left as it was). */
  async useFallback(db: Executor, row: Pick<OutboxRow, 'id' | 'attempts'>, now: number, error: { code: number; detail: string }): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({
        // Only rows with a fallback are updated (the where below), so the value is never null.
        payload: sql<string>`fallback_payload`,
        fallback_payload: null,
        state: 'pending',
        attempts: row.attempts,
        next_attempt_at: now,
        lease_until: null,
        error_code: error.code,
        error_detail: error.detail.slice(0, 1000),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('fallback_payload', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markRejected(db: Executor, row: Pick<OutboxRow, 'id' | 'attempts'>, code: number, detail: string, now: number): Promise<void> {
    await db
      .updateTable('outbox')
      .set({ state: 'rejected', attempts: row.attempts, lease_until: null, error_code: code, error_detail: detail.slice(0, 1000), updated_at: now })
      .where('id', '=', row.id)
      .execute();
  }

  /**
   * Messages left in `sending` by a dead process: Meta may have accepted them. They wait `graceMs` for a status
   * webhook carrying their callback data (which settles them) before they are tried again.
   */
  async releaseExpired(db: Executor, now: number, graceMs: number, everything = false): Promise<number> {
    let query = db
      .updateTable('outbox')
      .set({ state: 'pending', next_attempt_at: now + graceMs, lease_until: null, updated_at: now })
      .where('state', '=', 'sending');
    if (!everything) query = query.where('lease_until', '<', now);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Applies Meta's delivery statuses, in the given order, each only where it outranks what the message has. A
   * message found only by its callback data (the status came before the dispatcher recorded the send) is recorded
   * as accepted; returns how many were, so the caller counts those sends. One read and one write for the whole
   * list, however many statuses a busy broadcast brings back.
   */
  async applyDeliveries(db: Executor, updates: readonly DeliveryUpdate[], now: number): Promise<number> {
    if (updates.length === 0) return 0;
    const byWamid = new Map((await this.deliveryRows(db, [...new Set(updates.map((u) => u.wamid))])).map((row) => [row.wamid, row]));
    let accepted = 0;
    for (const update of updates) {
      if (byWamid.has(update.wamid) || update.outboxId === null) continue;
      const row = await db.selectFrom('outbox').select(['id', 'delivery', 'state', 'attempts']).where('id', '=', update.outboxId).executeTakeFirst();
      if (!row) continue;
      // Meta received it, so at least one attempt was made (on SQLite an attempt in flight is not yet counted).
      if (row.state !== 'accepted' && (await this.markAccepted(db, { id: row.id, attempts: Math.max(row.attempts, 1) }, update.wamid, now))) accepted += 1;
      byWamid.set(update.wamid, { ...row, wamid: update.wamid });
    }
    await this.writeDeliveries(db, settledDeliveries(updates, byWamid), now);
    return accepted;
  }

  private async deliveryRows(db: Executor, wamids: string[]): Promise<DeliveryRow[]> {
    const query = db.selectFrom('outbox').select(['id', 'wamid', 'delivery', 'state', 'attempts']);
    const rows = this.dialect === 'postgres' ? await query.where(sql<boolean>`wamid = any(${wamids}::text[])`).execute() : await query.where('wamid', 'in', wamids).execute();
    return rows.map((row) => ({ ...row, wamid: row.wamid ?? '' }));
  }

  private async writeDeliveries(db: Executor, settled: Map<number, SettledDelivery>, now: number): Promise<void> {
    if (settled.size === 0) return;
    if (this.dialect === 'sqlite') {
      for (const [id, { delivery, errorCode }] of settled) {
        await db.updateTable('outbox').set({ delivery, updated_at: now, ...(errorCode !== undefined ? { error_code: errorCode } : {}) }).where('id', '=', id).execute();
      }
      return;
    }
    const entries = [...settled];
    await sql`
      update outbox set delivery = v.delivery, updated_at = ${now},
        error_code = case when v.sets_error then v.error_code else outbox.error_code end
      from unnest(${entries.map(([id]) => id)}::int8[], ${entries.map(([, s]) => s.delivery)}::text[],
        ${entries.map(([, s]) => s.errorCode !== undefined)}::bool[], ${entries.map(([, s]) => s.errorCode ?? null)}::int4[])
        as v(id, delivery, sets_error, error_code)
      where outbox.id = v.id`.execute(db);
  }

  async byId(db: Executor, id: number): Promise<OutboxRow | undefined> {
    return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A recipient's messages created before `before` (Unix ms), newest first. */
  async historyOf(db: Executor, recipient: string, before: number, limit: number): Promise<OutboxRow[]> {
    return db.selectFrom('outbox').selectAll().where('recipient', '=', recipient).where('created_at', '<', before).orderBy('id', 'desc').limit(limit).execute();
  }

  /** Whether anything caused by `causePrefix…` was queued for the recipient (e.g. an attendant already answered). */
  async hasCause(db: Executor, recipient: string, causePrefix: string): Promise<boolean> {
    const row = await db.selectFrom('outbox').select('id').where('recipient', '=', recipient).where('cause', 'like', `${causePrefix}%`).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Messages not yet accepted by Meta, and since when the oldest waits. */
  async unsent(db: Executor): Promise<{ count: number; oldestSince: number | undefined }> {
    const row = await db
      .selectFrom('outbox')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
      .where('state', 'in', ['pending', 'sending'])
      .executeTakeFirst();
    return { count: Number(row?.n ?? 0), oldestSince: row?.oldest == null ? undefined : Number(row.oldest) };
  }

  /** Messages to any of these recipients not yet accepted by Meta (waiting or being sent). */
  async unsentCountFor(db: Executor, recipients: readonly string[]): Promise<number> {
    if (recipients.length === 0) return 0;
    const row = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recipient', 'in', recipients)
      .where('state', 'in', ['pending', 'sending'])
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async forRecipient(db: Executor, recipient: string): Promise<OutboxRow[]> {
    return db.selectFrom('outbox').selectAll().where('recipient', '=', recipient).orderBy('id').execute();
  }

  async countByState(db: Executor): Promise<Record<string, number>> {
    const rows = await db.selectFrom('outbox').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}
