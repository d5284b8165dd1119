import type { Executor } from '../database.js';
import type { AuditLogRow } from '../schema.js';

export interface NewAuditEntry {
  actorUserId: number | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: string;
}

export interface AuditQuery {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Entries older than this id (paging backwards). */
  beforeId?: number | undefined;
  limit: number;
}

/** The audit log: rows are added, never changed or removed. */
export class AuditLogRepository {
  async append(db: Executor, entry: NewAuditEntry, now: number): Promise<AuditLogRow> {
    return db
      .insertInto('audit_log')
      .values({ at: now, actor_user_id: entry.actorUserId, action: entry.action, subject_type: entry.subjectType, subject_id: entry.subjectId, details: entry.details })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Newest first. */
  async list(db: Executor, query: AuditQuery): Promise<AuditLogRow[]> {
    let select = db.selectFrom('audit_log').selectAll();
    if (query.subjectType !== undefined) select = select.where('subject_type', '=', query.subjectType);
    if (query.subjectId !== undefined) select = select.where('subject_id', '=', query.subjectId);
    if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
    return select.orderBy('id', 'desc').limit(query.limit).execute();
  }
}
