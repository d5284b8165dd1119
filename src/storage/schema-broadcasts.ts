import type { ColumnType, Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type BroadcastStatus = 'scheduled' | 'sending' | 'paused' | 'done' | 'cancelled';

/** One approved template sent to the opted-in citizens of an audience. */
export interface BroadcastTable {
  id: Generated<number>;
  title: string;
  status: BroadcastStatus;
  template_name: string;
  template_language: string;
  /** JSON array of the body parameters. */
  parameters: string;
  header_media_url: string | null;
  /** JSON of the Graph message each recipient gets (without `to`). */
  payload: string;
  /** JSON {topics, neighborhoods, regions}. */
  audience: string;
  send_at: Millis;
  created_by: number;
  created_at: Millis;
  started_at: Millis | null;
  finished_at: Millis | null;
  paused_at: Millis | null;
  /** 1 once the whole audience is copied into broadcast_recipients; the copy resumes after `snapshot_after`. */
  snapshot_done: Defaulted<number>;
  snapshot_after: string | null;
  total: Defaulted<number>;
  opted_out: Defaulted<number>;
  opted_out_counted_at: Millis | null;
  rate_per_second: Defaulted<number>;
  rate_sample_sent: Defaulted<number>;
  rate_sample_at: Millis | null;
  updated_at: Millis;
}
export type BroadcastRow = Selectable<BroadcastTable>;

export type RecipientState = 'queued' | 'fed' | 'sent' | 'failed' | 'delivered' | 'read' | 'skipped' | 'cancelled';

/** A citizen of a broadcast's frozen audience and how far their message got. */
export interface BroadcastRecipientTable {
  id: Generated<number>;
  broadcast_id: number;
  citizen_key: string;
  state: RecipientState;
  outbox_id: number | null;
  /** When Meta accepted the message (a send or its first status). */
  accepted_at: Millis | null;
  /** Meta's error code when the message failed (refused, or a failed status). */
  error_code: number | null;
  failed_at: Millis | null;
  updated_at: Millis;
}
export type BroadcastRecipientRow = Selectable<BroadcastRecipientTable>;

/** A broadcast's figures, kept as counters by whoever moves a recipient on. */
export interface BroadcastProgressTable {
  broadcast_id: number;
  sent: Defaulted<number>;
  delivered: Defaulted<number>;
  read: Defaulted<number>;
  failed: Defaulted<number>;
  /** Recipients whose turn is over: sent, failed, skipped or cancelled. */
  settled: Defaulted<number>;
  updated_at: Millis;
}
export type BroadcastProgressRow = Selectable<BroadcastProgressTable>;
