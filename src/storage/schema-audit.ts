import type { Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** Who did what to whom, for actions the LGPD or the city's rules ask to account for; rows are only ever added. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Millis;
  /** Null: the system itself (a scheduled job, the command line). */
  actor_user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  /** JSON: what changed, never the personal data itself. */
  details: string;
}
export type AuditLogRow = Selectable<AuditLogTable>;
