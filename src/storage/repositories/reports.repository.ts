import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { ServiceRequestRow, ServiceRequestStatus } from '../schema.js';

/** Half-open interval of Unix ms: from ≤ t < to. */
export interface Span {
  from: number;
  to: number;
}

/** What exports show of a request: never who asked, how to reach them, or what they wrote. */
export type ExportedRequest = Pick<
  ServiceRequestRow,
  'id' | 'protocol' | 'service_code' | 'department_id' | 'channel' | 'status' | 'priority' | 'place_id' | 'address' | 'expected_at' | 'created_at' | 'closed_at' | 'rating'
>;

/** Counts for reports read straight from their tables (the open backlog, citizens), bounded by indexes; exports. */
export class ReportsRepository {
  /** Requests opened in `span`, by id after `afterId`, at most `limit`. */
  async openedPage(db: Executor, span: Span, afterId: number, limit: number): Promise<ExportedRequest[]> {
    return db
      .selectFrom('service_requests')
      .select(['id', 'protocol', 'service_code', 'department_id', 'channel', 'status', 'priority', 'place_id', 'address', 'expected_at', 'created_at', 'closed_at', 'rating'])
      .where('created_at', '>=', span.from)
      .where('created_at', '<', span.to)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  async openNow(db: Executor, statuses: readonly ServiceRequestStatus[]): Promise<number> {
    const row = await db.selectFrom('service_requests').select(sql<string>`count(*)`.as('n')).where('status', 'in', statuses).executeTakeFirst();
    return Number(row?.n ?? 0);
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
