import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { ServiceRequestStatus } from '../schema.js';

/** Half-open interval of Unix ms: from ≤ t < to. */
export interface Span {
  from: number;
  to: number;
}

export interface OpenedGroup {
  serviceCode: string;
  departmentId: string;
  placeId: string | null;
  n: number;
}

export interface ClosedGroup {
  status: string;
  n: number;
  /** Of those with a deadline: closed by it, and all with one. */
  onTime: number;
  withDeadline: number;
}

/** Counts for reports that come straight from their tables (requests, citizens), bounded by indexes on time. */
export class ReportsRepository {
  async requestsOpened(db: Executor, span: Span): Promise<OpenedGroup[]> {
    const rows = await db
      .selectFrom('service_requests')
      .select(['service_code', 'department_id', 'place_id', sql<string>`count(*)`.as('n')])
      .where('created_at', '>=', span.from)
      .where('created_at', '<', span.to)
      .groupBy(['service_code', 'department_id', 'place_id'])
      .execute();
    return rows.map((r) => ({ serviceCode: r.service_code, departmentId: r.department_id, placeId: r.place_id, n: Number(r.n) }));
  }

  async requestsClosed(db: Executor, span: Span): Promise<ClosedGroup[]> {
    const rows = await db
      .selectFrom('service_requests')
      .select([
        'status',
        sql<string>`count(*)`.as('n'),
        sql<string>`sum(case when expected_at is not null and closed_at <= expected_at then 1 else 0 end)`.as('on_time'),
        sql<string>`sum(case when expected_at is not null then 1 else 0 end)`.as('with_deadline'),
      ])
      .where('closed_at', '>=', span.from)
      .where('closed_at', '<', span.to)
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, n: Number(r.n), onTime: Number(r.on_time), withDeadline: Number(r.with_deadline) }));
  }

  async openNow(db: Executor, statuses: readonly ServiceRequestStatus[]): Promise<number> {
    const row = await db.selectFrom('service_requests').select(sql<string>`count(*)`.as('n')).where('status', 'in', statuses).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async ratings(db: Executor, span: Span): Promise<{ count: number; sum: number }> {
    const row = await db
      .selectFrom('service_requests')
      .select([sql<string>`count(rating)`.as('count'), sql<string>`coalesce(sum(rating), 0)`.as('sum')])
      .where('feedback_at', '>=', span.from)
      .where('feedback_at', '<', span.to)
      .executeTakeFirst();
    return { count: Number(row?.count ?? 0), sum: Number(row?.sum ?? 0) };
  }

  async citizensFirstSeen(db: Executor, span: Span): Promise<number> {
    const row = await db
      .selectFrom('citizens')
      .select(sql<string>`count(*)`.as('n'))
      .where('first_seen_at', '>=', span.from)
      .where('first_seen_at', '<', span.to)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Citizens registered (a name given) and those receiving broadcasts, now. */
  async registrations(db: Executor): Promise<{ registered: number; optedIn: number }> {
    const row = await db
      .selectFrom('citizen_profiles')
      .select([
        sql<string>`sum(case when name is not null then 1 else 0 end)`.as('registered'),
        sql<string>`sum(case when broadcast_opted_in_at is not null and broadcast_opted_out_at is null then 1 else 0 end)`.as('opted_in'),
      ])
      .executeTakeFirst();
    return { registered: Number(row?.registered ?? 0), optedIn: Number(row?.opted_in ?? 0) };
  }
}
