import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { AuditLogRow } from '../../storage/schema.js';

/** What an action was done to: a citizen, a user, an Open311 key… */
export interface AuditSubject {
  type: string;
  id: string;
}

export interface AuditEntry {
  id: number;
  at: number;
  /** Null: the system itself. */
  actorUserId: number | null;
  action: string;
  subject: AuditSubject;
  /** What changed: counts, field names, old and new roles; never the personal data itself. */
  details: Record<string, unknown>;
}

/**
 * Adds an entry to the audit log. Call it in the transaction of the action it records, so that one is never kept
 * without the other.
 */
export const recordAudit = async (
  db: Executor,
  repos: Repositories,
  entry: { actorUserId: number | null; action: string; subject: AuditSubject; details?: Record<string, unknown> },
  now: number,
): Promise<AuditEntry> =>
  toEntry(
    await repos.audit.append(
      db,
      { actorUserId: entry.actorUserId, action: entry.action, subjectType: entry.subject.type, subjectId: entry.subject.id, details: JSON.stringify(entry.details ?? {}) },
      now,
    ),
  );

/** Newest first; filtered to a kind of subject, or one subject, when given. */
export const auditEntries = async (
  db: Executor,
  repos: Repositories,
  query: { subjectType?: string | undefined; subjectId?: string | undefined; beforeId?: number | undefined; limit: number },
): Promise<AuditEntry[]> => (await repos.audit.list(db, query)).map(toEntry);

const toEntry = (row: AuditLogRow): AuditEntry => ({
  id: Number(row.id),
  at: Number(row.at),
  actorUserId: row.actor_user_id === null ? null : Number(row.actor_user_id),
  action: row.action,
  subject: { type: row.subject_type, id: row.subject_id },
  details: JSON.parse(row.details) as Record<string, unknown>,
});
