import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are Unix milliseconds in both dialects; JSON is stored as text. */
type Millis = number;

export interface WebhookEventTable {
  id: Generated<number>;
  received_at: Millis;
  field: string;
  /** Raw JSON of a change we keep but do not act on yet (unknown fields, errors, preferences, templates). */
  payload: string;
}

export interface CitizenTable {
  id: Generated<number>;
  /** wa_id exactly as received, or the business-scoped user id where wa_id is empty. */
  key: string;
  wa_id: string;
  user_id: string | null;
  profile_name: string | null;
  first_seen_at: Millis;
  last_inbound_at: Millis;
}

export interface InboundMessageTable {
  id: Generated<number>;
  wamid: string;
  citizen_key: string;
  phone_number_id: string;
  type: string;
  sent_at: Millis;
  received_at: Millis;
  /** The message object, with the sender's contact block, as Meta sent it. */
  payload: string;
  processed_at: Millis | null;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** Jobs sharing a group run one at a time, in id order (one citizen's messages). */
  group_key: string | null;
  payload: string;
  status: JobStatus;
  attempts: number;
  run_at: Millis;
  locked_until: Millis | null;
  last_error: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export type OutboxState = 'pending' | 'sending' | 'accepted' | 'rejected';
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  /** Recipient as Meta knows them: wa_id or business-scoped user id. */
  recipient: string;
  /** The Graph message body without `to` / `messaging_product`. */
  payload: string;
  state: OutboxState;
  delivery: DeliveryStatus | null;
  attempts: number;
  next_attempt_at: Millis;
  lease_until: Millis | null;
  wamid: string | null;
  error_code: number | null;
  error_detail: string | null;
  cause: string | null;
  created_at: Millis;
  accepted_at: Millis | null;
  updated_at: Millis;
}

export interface MessageStatusTable {
  id: Generated<number>;
  wamid: string;
  status: string;
  recipient: string;
  occurred_at: Millis;
  error_code: number | null;
  payload: string;
}

export interface MediaTable {
  id: Generated<number>;
  media_id: string;
  inbound_wamid: string;
  citizen_key: string;
  mime_type: string;
  sha256: string | null;
  size_bytes: number | null;
  path: string | null;
  status: 'pending' | 'stored' | 'rejected';
  problem: string | null;
  created_at: Millis;
}

export interface ConversationTable {
  citizen_key: string;
  state: string;
  updated_at: Millis;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'coordinator' | 'attendant';
  created_at: Millis;
  disabled_at: Millis | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: Millis;
  expires_at: Millis;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: Millis;
}

export interface Database {
  webhook_events: WebhookEventTable;
  citizens: CitizenTable;
  inbound_messages: InboundMessageTable;
  jobs: JobTable;
  outbox: OutboxTable;
  message_statuses: MessageStatusTable;
  media: MediaTable;
  conversations: ConversationTable;
  users: UserTable;
  sessions: SessionTable;
  settings: SettingTable;
}

export type Job = Selectable<JobTable>;
export type NewJob = Insertable<JobTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type OutboxUpdate = Updateable<OutboxTable>;
export type Citizen = Selectable<CitizenTable>;
export type User = Selectable<UserTable>;
export type MediaRow = Selectable<MediaTable>;
