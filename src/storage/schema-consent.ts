import type { Generated } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A broadcast topic a citizen receives; the row exists only while they are opted in. */
export interface CitizenTopicTable {
  citizen_key: string;
  topic_id: string;
  opted_in_at: Millis;
}

/** 'privacy': the LGPD notice; 'broadcasts': the list as a whole; 'topic': one broadcast topic. */
export type ConsentSubject = 'privacy' | 'broadcasts' | 'topic';

/** A consent given or withdrawn, with the words the citizen saw; rows are only ever added. */
export interface ConsentEventTable {
  id: Generated<number>;
  citizen_key: string;
  subject: ConsentSubject;
  topic_id: string | null;
  /** 1 given, 0 withdrawn. */
  granted: number;
  wording: string;
  /** 'whatsapp' (the citizen in conversation) or 'console' (staff recording a citizen's request). */
  channel: string;
  at: Millis;
}
