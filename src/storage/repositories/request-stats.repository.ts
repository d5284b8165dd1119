import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { ServiceRequestStatus } from '../schema.js';

/** Counts over service requests for summaries and reports; `from` inclusive, `to` exclusive (Unix ms). */
export class RequestStatsRepository {
  async openedByService(db: Executor, departmentId: string, from: number, to: number): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('service_requests')
      .select(['service_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('department_id', '=', departmentId)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .groupBy('service_code')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.service_code, Number(row.n)]));
  }

  async closedByStatus(db: Executor, departmentId: string, from: number, to: number): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('service_requests')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('department_id', '=', departmentId)
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  }

  async countInStatuses(db: Executor, departmentId: string, statuses: readonly ServiceRequestStatus[]): Promise<number> {
    const row = await db
      .selectFrom('service_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_id', '=', departmentId)
      .where('status', 'in', [...statuses])
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async ratings(db: Executor, departmentId: string, from: number, to: number): Promise<{ count: number; sum: number }> {
    const row = await db
      .selectFrom('service_requests')
      .select((eb) => [eb.fn.count<number>('rating').as('n'), eb.fn.sum<number>('rating').as('total')])
      .where('department_id', '=', departmentId)
      .where('feedback_at', '>=', from)
      .where('feedback_at', '<', to)
      .where('rating', 'is not', null)
      .executeTakeFirst();
    return { count: Number(row?.n ?? 0), sum: Number(row?.total ?? 0) };
  }

  /** Requests in `statuses` per department, and how many of them are past their due date at `now`. */
  async openByDepartment(db: Executor, statuses: readonly ServiceRequestStatus[], now: number): Promise<Array<{ departmentId: string; open: number; overdue: number }>> {
    const rows = await db
      .selectFrom('service_requests')
      .select(['department_id', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when expected_at < ${now} then 1 else 0 end)`.as('late')])
      .where('status', 'in', [...statuses])
      .groupBy('department_id')
      .execute();
    return rows.map((row) => ({ departmentId: row.department_id, open: Number(row.n), overdue: Number(row.late ?? 0) }));
  }
}
