import type { Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A citizen's LGPD request (deletion now; access/correction can follow) for staff to act on. */
export type DataRequestKind = 'deletion';
export type DataRequestStatus = 'open' | 'done' | 'rejected';

export interface DataRequestTable {
  id: Generated<number>;
  citizen_key: string;
  kind: DataRequestKind;
  status: DataRequestStatus;
  note: string | null;
  created_at: Millis;
  updated_at: Millis;
  closed_at: Millis | null;
}
export type DataRequestRow = Selectable<DataRequestTable>;
