import type { Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A ready answer for attendants: for one department, or everyone (department_id null). */
export interface CannedReplyTable {
  id: Generated<number>;
  title: string;
  body: string;
  department_id: string | null;
  created_by: number;
  created_at: Millis;
  removed_at: Millis | null;
}
export type CannedReplyRow = Selectable<CannedReplyTable>;
