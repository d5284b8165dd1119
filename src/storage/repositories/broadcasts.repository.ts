import type { Updateable } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import type { BroadcastRow, BroadcastStatus } from '../schema.js';
import type { BroadcastTable } from '../schema-broadcasts.js';

export interface NewBroadcast {
  title: string;
  templateName: string;
  templateLanguage: string;
  parameters: string[];
  headerMediaUrl: string | null;
  /** JSON of the Graph message. */
  payload: string;
  /** JSON of the audience as chosen. */
  audience: string;
  sendAt: number;
  createdBy: number;
}

/** A broadcast with its counters and the name of who created it. */
export interface BroadcastView extends BroadcastRow {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  settled: number;
  created_by_name: string | null;
}

export interface CounterChange {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  settled: number;
}

type BroadcastChange = Pick<Updateable<BroadcastTable>, 'status' | 'started_at' | 'finished_at' | 'paused_at' | 'snapshot_done' | 'snapshot_after' | 'total' | 'opted_out' | 'opted_out_counted_at' | 'rate_per_second' | 'rate_sample_sent' | 'rate_sample_at'>;

/** Broadcasts and their counters (broadcast_progress, one row each). */
export class BroadcastsRepository {
  constructor(private readonly dialect: Dialect) {}

  async insert(db: Executor, b: NewBroadcast, now: number): Promise<number> {
    const { id } = await db
      .insertInto('broadcasts')
      .values({
        title: b.title,
        status: 'scheduled',
        template_name: b.templateName,
        template_language: b.templateLanguage,
        parameters: JSON.stringify(b.parameters),
        header_media_url: b.headerMediaUrl,
        payload: b.payload,
        audience: b.audience,
        send_at: b.sendAt,
        created_by: b.createdBy,
        created_at: now,
        started_at: null,
        finished_at: null,
        paused_at: null,
        snapshot_after: null,
        opted_out_counted_at: null,
        rate_sample_at: null,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('broadcast_progress').values({ broadcast_id: Number(id), updated_at: now }).execute();
    return Number(id);
  }

  private views(db: Executor) {
    return db
      .selectFrom('broadcasts as b')
      .innerJoin('broadcast_progress as p', 'p.broadcast_id', 'b.id')
      .leftJoin('users as u', 'u.id', 'b.created_by')
      .selectAll('b')
      .select(['p.sent', 'p.delivered', 'p.read', 'p.failed', 'p.settled', 'u.name as created_by_name']);
  }

  async byId(db: Executor, id: number): Promise<BroadcastView | undefined> {
    return this.views(db).where('b.id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  async list(db: Executor, limit: number): Promise<BroadcastView[]> {
    return this.views(db).orderBy('b.id', 'desc').limit(limit).execute();
  }

  /** Moves a broadcast on from one of `from`; false when it was in none of them (someone else moved it first). */
  async transition(db: Executor, id: number, from: readonly BroadcastStatus[], change: BroadcastChange & { status: BroadcastStatus }, now: number): Promise<boolean> {
    const result = await db.updateTable('broadcasts').set({ ...change, updated_at: now }).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async update(db: Executor, id: number, change: BroadcastChange, now: number): Promise<void> {
    await db.updateTable('broadcasts').set({ ...change, updated_at: now }).where('id', '=', id).execute();
  }

  /** Scheduled broadcasts whose time has come. */
  async dueIds(db: Executor, now: number): Promise<number[]> {
    const rows = await db.selectFrom('broadcasts').select('id').where('status', '=', 'scheduled').where('send_at', '<=', now).orderBy('send_at').execute();
    return rows.map((r) => Number(r.id));
  }

  async idsWithStatus(db: Executor, statuses: readonly BroadcastStatus[]): Promise<number[]> {
    const rows = await db.selectFrom('broadcasts').select('id').where('status', 'in', [...statuses]).orderBy('id').execute();
    return rows.map((r) => Number(r.id));
  }

  /** Cancelled, with messages still handed to the outbox: they are to be counted or withdrawn. */
  async cancelledWithMessagesOut(db: Executor): Promise<number[]> {
    const rows = await db
      .selectFrom('broadcasts as b')
      .select('b.id')
      .where('b.status', '=', 'cancelled')
      .where(({ exists, selectFrom }) => exists(selectFrom('broadcast_recipients as r').select('r.id').whereRef('r.broadcast_id', '=', 'b.id').where('r.state', '=', 'fed')))
      .execute();
    return rows.map((r) => Number(r.id));
  }

  /**
   * The broadcast, held for this transaction, if it is in one of `statuses`; undefined when another instance is
   * working on it (PostgreSQL) or its status changed.
   */
  async lock(db: Executor, id: number, statuses: readonly BroadcastStatus[]): Promise<BroadcastRow | undefined> {
    const query = db.selectFrom('broadcasts').selectAll().where('id', '=', id).where('status', 'in', [...statuses]);
    return (this.dialect === 'postgres' ? query.forUpdate().skipLocked() : query).executeTakeFirst();
  }

  async addToCounters(db: Executor, id: number, c: CounterChange, now: number): Promise<void> {
    await db
      .updateTable('broadcast_progress')
      .set((eb) => ({
        sent: eb('sent', '+', c.sent),
        delivered: eb('delivered', '+', c.delivered),
        read: eb('read', '+', c.read),
        failed: eb('failed', '+', c.failed),
        settled: eb('settled', '+', c.settled),
        updated_at: now,
      }))
      .where('broadcast_id', '=', id)
      .execute();
  }

  /** When any broadcast or its counters last changed (0: never), so the runner knows when to tell consoles. */
  async lastChange(db: Executor): Promise<number> {
    const [b, p] = await Promise.all([
      db.selectFrom('broadcasts').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
      db.selectFrom('broadcast_progress').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst(),
    ]);
    return Math.max(Number(b?.at ?? 0), Number(p?.at ?? 0));
  }

  /** The started broadcast whose opt-out figure is most overdue: sending ones every `activeMs`, finished ones less often. */
  async optOutCountDue(db: Executor, now: number, activeMs: number, finishedMs: number, finishedWithinMs: number): Promise<BroadcastRow | undefined> {
    return db
      .selectFrom('broadcasts')
      .selectAll()
      .where('snapshot_done', '=', 1)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', 'in', ['sending', 'paused']), eb.or([eb('opted_out_counted_at', 'is', null), eb('opted_out_counted_at', '<', now - activeMs)])]),
          eb.and([
            eb('finished_at', '>', now - finishedWithinMs),
            eb.or([eb('opted_out_counted_at', 'is', null), eb('opted_out_counted_at', '<', now - finishedMs), eb('opted_out_counted_at', '<', eb.ref('finished_at'))]),
          ]),
        ]),
      )
      .orderBy('opted_out_counted_at')
      .limit(1)
      .executeTakeFirst();
  }
}
