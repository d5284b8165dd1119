import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { ServiceRequestStatus } from '../schema.js';

/** Half-open interval of Unix ms: from ≤ t < to. */
export interface Span {
  from: number;
  to: number;
}

/** Counts for reports read straight from their tables (the open backlog, citizens), bounded by indexes. */
export class ReportsRepository {
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
