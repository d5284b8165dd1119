import type { Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A notice on the public page and feed: from a broadcast, or published by hand. */
export interface NoticeTable {
  id: Generated<number>;
  broadcast_id: number | null;
  title: string;
  /** Plain text with WhatsApp formatting (*bold*, _italic_), as citizens read it. */
  body: string;
  /** JSON array of topic ids. */
  topics: string;
  published_at: Millis;
  created_by: number | null;
  withdrawn_at: Millis | null;
  withdrawn_by: number | null;
}
export type NoticeRow = Selectable<NoticeTable>;
