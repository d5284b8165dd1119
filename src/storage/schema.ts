import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { WhatsAppTemplateTable } from './schema-templates.js';
import type { CatalogTextEditTable, TrainingPhraseEditTable } from './schema-catalog-edits.js';
import type { CartaTables } from './schema-carta.js';
import type { CitizenTopicTable, ConsentEventTable } from './schema-consent.js';
import type { AuditLogTable } from './schema-audit.js';
import type { DailyCountTable } from './schema-reports.js';
import type { CannedReplyTable } from './schema-inbox.js';
import type { NoticeTable } from './schema-notices.js';
import type { PendingSignInTable, TotpRecoveryCodeTable } from './schema-two-step.js';
import type { DataRequestTable } from './schema-citizens.js';
import type { BroadcastProgressTable, BroadcastRecipientTable, BroadcastTable } from './schema-broadcasts.js';

export type { WhatsAppTemplateRow, WhatsAppTemplateTable } from './schema-templates.js';
export type { CitizenTopicTable, ConsentEventTable, ConsentSubject } from './schema-consent.js';
export type { AuditLogRow, AuditLogTable } from './schema-audit.js';
export type { DailyCountTable } from './schema-reports.js';
export type { CannedReplyRow, CannedReplyTable } from './schema-inbox.js';
export type { NoticeRow, NoticeTable } from './schema-notices.js';
export type { PendingSignInRow, PendingSignInTable, TotpRecoveryCodeTable } from './schema-two-step.js';
export type { DataRequestKind, DataRequestRow, DataRequestStatus, DataRequestTable } from './schema-citizens.js';
export type { CatalogTextEditRow, CatalogTextEditTable, TrainingPhraseEditRow, TrainingPhraseEditTable } from './schema-catalog-edits.js';
export type { BroadcastProgressRow, BroadcastRecipientRow, BroadcastRow, BroadcastStatus, RecipientState } from './schema-broadcasts.js';

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
  /** Sent instead when Meta refuses the payload because the 24-hour window closed (131047); JSON like payload. */
  fallback_payload: ColumnType<string | null, string | null | undefined, string | null>;
  /** 'attendant:<user id>' for what a person wrote in the console; null for the bot. */
  author: ColumnType<string | null, string | null | undefined, string | null>;
  /** Claimed lowest first: 0 for replies and notices, 1 for broadcast messages. */
  priority: ColumnType<number, number | undefined, number>;
  /** Never claimed at or after this time (a broadcast in quiet hours or paused); null: no limit. */
  send_before: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
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
  role: 'admin' | 'coordinator' | 'attendant' | 'operator';
  created_at: Millis;
  disabled_at: Millis | null;
  /** The department whose requests an attendant works on; null: every department (admins, central coordinators). */
  department_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: a password someone else chose; every route but setting their own answers 403. */
  password_must_change: ColumnType<number, number | undefined, number>;
  /** Two-step verification's shared secret (base32); never shown after enrolment, never logged. Null: none. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  /** When two-step verification was turned on; null while off (a secret may wait for its first code). */
  totp_enabled_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
  /** The last 30-second step whose code was accepted: a code is never taken twice. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
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

/**
 * What a citizen told us about themselves, kept apart from `citizens` (which every inbound message touches).
 * One row per citizen, created on the first consent, registration or opt-in. A choice is current when its
 * timestamp is set and the opposite one is null: accepting clears declined_at, opting in clears opted_out_at;
 * the earlier timestamp is kept on the way back (consent given once, then withdrawn).
 */
export interface CitizenProfileTable {
  citizen_key: string;
  /** The name they chose to be called (not WhatsApp's profile name). */
  name: string | null;
  /** Where they live: a place id of the city profile and/or the text they typed, or a pin. */
  place_id: string | null;
  place_text: string | null;
  place_latitude: number | null;
  place_longitude: number | null;
  consent_accepted_at: Millis | null;
  consent_declined_at: Millis | null;
  /** Version id of the privacy notice they answered (see domain/citizens privacyNoticeVersion). */
  consent_notice: string | null;
  broadcast_opted_in_at: Millis | null;
  broadcast_opted_out_at: Millis | null;
  /** Where the last opt-in/out came from: 'whatsapp', 'console', 'meta'. */
  broadcast_source: string | null;
  created_at: Millis;
  updated_at: Millis;
}

/** Last protocol sequence handed out per year of opening; bumped in the opening transaction. */
export interface ProtocolCounterTable {
  year: number;
  last: number;
}

export type ServiceRequestStatus = 'aberto' | 'em_analise' | 'encaminhado' | 'em_execucao' | 'concluido' | 'indeferido' | 'cancelado';
/** 'counter': registered in person at a service desk (balcão). */
export type ServiceRequestChannel = 'whatsapp' | 'phone' | 'open311' | 'counter';

export interface ServiceRequestTable {
  id: Generated<number>;
  /** "YYYY-NNNNNN": year of opening in the city's timezone and a sequence restarting each year. */
  protocol: string;
  service_code: string;
  /** Resolved from the catalog on the day of opening and kept: departments change by decree. */
  department_id: string;
  /** Null for requests without a known citizen (Open311 without contact, anonymous reports later). */
  citizen_key: string | null;
  channel: ServiceRequestChannel;
  status: ServiceRequestStatus;
  latitude: number | null;
  longitude: number | null;
  place_id: string | null;
  address: string | null;
  reference: string | null;
  description: string;
  /** JSON array of `media.media_id`. */
  media_ids: string;
  /** Due date from the service's business days; null when the service has no deadline. */
  expected_at: Millis | null;
  created_at: Millis;
  updated_at: Millis;
  priority: ColumnType<RequestPriority, RequestPriority | undefined, RequestPriority>;
  assignee_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1: the department never sees who reported (fiscalização); the citizen still hears of progress. */
  anonymous: ColumnType<number, number | undefined, number>;
  /** Who called, when the phone team registered someone not known on WhatsApp. */
  contact_name: ColumnType<string | null, string | null | undefined, string | null>;
  contact_phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** The open request this one repeats (same service, nearby): its citizen follows that one. */
  duplicate_of: ColumnType<number | null, number | null | undefined, number | null>;
  closed_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
  /** The citizen's verdict on conclusion: 1 solved, 0 not solved (reopened). */
  solved: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1–5, asked on conclusion. */
  rating: ColumnType<number | null, number | null | undefined, number | null>;
  feedback_at: ColumnType<Millis | null, Millis | null | undefined, Millis | null>;
}

export type RequestPriority = 'baixa' | 'normal' | 'alta' | 'urgente';

/** Citizens told of a request's progress besides its own citizen (those whose reports were linked to it). */
export interface RequestFollowerTable {
  request_id: number;
  citizen_key: string;
  created_at: Millis;
}

export interface ServiceRequestEventTable {
  id: Generated<number>;
  request_id: number;
  /** Status before the change; null for the opening event. */
  from_status: ServiceRequestStatus | null;
  status: ServiceRequestStatus;
  note: string | null;
  /** 'citizen', 'system' or 'attendant:<user id>'. */
  actor: string;
  at: Millis;
  /** What happened; for kinds other than 'status', from_status and status are both the status at the time. */
  kind: ColumnType<RequestEventKind, RequestEventKind | undefined, RequestEventKind>;
}

export type RequestEventKind = 'status' | 'note' | 'assignment' | 'priority' | 'link' | 'feedback';

export type HandoffStatus = 'waiting' | 'taken' | 'closed';

export interface HandoffTable {
  id: Generated<number>;
  citizen_key: string;
  /** Null: general queue. */
  department_id: string | null;
  /** What the citizen left for the team when asking; later messages are in handoff_messages. */
  message: string | null;
  /** 1 when human attendance was open at the time of asking, else 0. */
  attendance_open: number;
  /** 1 when the text sounded like an emergency. */
  urgent: number;
  status: HandoffStatus;
  taken_by: number | null;
  created_at: Millis;
  updated_at: Millis;
  closed_at: Millis | null;
}

export interface HandoffMessageTable {
  id: Generated<number>;
  handoff_id: number;
  body: string;
  at: Millis;
  /** 'citizen', 'attendant:<user id>' or 'system'. */
  author: ColumnType<string, string | undefined, string>;
  /** 'message' (the citizen, while waiting), 'note' (internal, never sent) or 'event' (taken, transferred, closed). */
  kind: ColumnType<HandoffEntryKind, HandoffEntryKind | undefined, HandoffEntryKind>;
}

export type HandoffEntryKind = 'message' | 'note' | 'event';

/** Days a coordinator closed attendance ("YYYY-MM-DD" local dates, inclusive); removed ones are kept. */
export interface ClosureTable {
  id: Generated<number>;
  first_day: string;
  last_day: string;
  reason: string;
  created_by: number;
  created_at: Millis;
  removed_by: number | null;
  removed_at: Millis | null;
}

/** Open311 API keys issued in the console; only the SHA-256 hash (hex) of a key is kept. */
export interface Open311ApiKeyTable {
  id: Generated<number>;
  /** Who the key is for ("FixMyStreet Palmas", "app do bairro"). */
  label: string;
  key_hash: string;
  created_by: number;
  created_at: Millis;
  revoked_at: Millis | null;
}


export interface Database extends CartaTables {
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
  citizen_profiles: CitizenProfileTable;
  data_requests: DataRequestTable;
  protocol_counters: ProtocolCounterTable;
  service_requests: ServiceRequestTable;
  service_request_events: ServiceRequestEventTable;
  handoffs: HandoffTable;
  handoff_messages: HandoffMessageTable;
  closures: ClosureTable;
  request_followers: RequestFollowerTable;
  canned_replies: CannedReplyTable;
  audit_log: AuditLogTable;
  whatsapp_templates: WhatsAppTemplateTable;
  open311_api_keys: Open311ApiKeyTable;
  catalog_text_edits: CatalogTextEditTable;
  training_phrase_edits: TrainingPhraseEditTable;
  citizen_topics: CitizenTopicTable;
  consent_events: ConsentEventTable;
  daily_counts: DailyCountTable;
  notices: NoticeTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
  pending_sign_ins: PendingSignInTable;
  broadcasts: BroadcastTable;
  broadcast_recipients: BroadcastRecipientTable;
  broadcast_progress: BroadcastProgressTable;
}

export type Job = Selectable<JobTable>;
export type NewJob = Insertable<JobTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type OutboxUpdate = Updateable<OutboxTable>;
export type Citizen = Selectable<CitizenTable>;
export type User = Selectable<UserTable>;
export type MediaRow = Selectable<MediaTable>;
export type CitizenProfileRow = Selectable<CitizenProfileTable>;
export type ServiceRequestRow = Selectable<ServiceRequestTable>;
export type ServiceRequestEventRow = Selectable<ServiceRequestEventTable>;
export type HandoffRow = Selectable<HandoffTable>;
export type HandoffMessageRow = Selectable<HandoffMessageTable>;
export type ClosureRow = Selectable<ClosureTable>;
export type Open311ApiKeyRow = Selectable<Open311ApiKeyTable>;
