import { jsonArrayFrom as postgresArray, jsonObjectFrom as postgresObject } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteArray, jsonObjectFrom as sqliteObject } from 'kysely/helpers/sqlite';
import type { Dialect, Executor } from '../database.js';
import type { CitizenProfileRow, ClosureRow, HandoffRow } from '../schema.js';

/** Everything a message's turn reads before the conversation decides: the citizen's side and the calendar's. */
export interface TurnReads {
  conversation: { state: unknown; updatedAt: number } | undefined;
  profile: CitizenProfileRow | undefined;
  /** The citizen's handoff that is not closed, if any. */
  openHandoff: HandoffRow | undefined;
  topics: string[];
  /** Closures not removed that end on `closuresFrom` or later, earliest first. */
  closures: ClosureRow[];
}

const PROFILE_COLUMNS = [
  'citizen_key', 'name', 'place_id', 'place_text', 'place_latitude', 'place_longitude', 'consent_accepted_at', 'consent_declined_at',
  'consent_notice', 'broadcast_opted_in_at', 'broadcast_opted_out_at', 'broadcast_source', 'created_at', 'updated_at',
] as const;
const HANDOFF_COLUMNS = ['id', 'citizen_key', 'department_id', 'message', 'attendance_open', 'urgent', 'status', 'taken_by', 'created_at', 'updated_at', 'closed_at'] as const;
const CLOSURE_COLUMNS = ['id', 'first_day', 'last_day', 'reason', 'created_by', 'created_at', 'removed_by', 'removed_at'] as const;

/** PostgreSQL returns the nested rows as JSON values; SQLite as JSON text. */
const decoded = <T>(value: T | string | null): T | undefined => (value === null ? undefined : typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * One message's reads in one statement: five lookups that used to be five round trips to PostgreSQL, each a
 * system call and a wake-up of its backend on the same few cores. SQLite runs the same statement in process.
 */
export class TurnReadsRepository {
  private readonly nested: { object: typeof sqliteObject; array: typeof sqliteArray };

  constructor(dialect: Dialect) {
    this.nested = dialect === 'postgres' ? { object: postgresObject, array: postgresArray } : { object: sqliteObject, array: sqliteArray };
  }

  async read(db: Executor, citizenKey: string, closuresFrom: string): Promise<TurnReads> {
    const { object, array } = this.nested;
    const row = await db
      .selectNoFrom((eb) => [
        object(eb.selectFrom('conversations').select(['state', 'updated_at']).where('citizen_key', '=', citizenKey)).as('conversation'),
        object(eb.selectFrom('citizen_profiles').select(PROFILE_COLUMNS).where('citizen_key', '=', citizenKey)).as('profile'),
        object(eb.selectFrom('handoffs').select(HANDOFF_COLUMNS).where('citizen_key', '=', citizenKey).where('status', '<>', 'closed').limit(1)).as('handoff'),
        array(eb.selectFrom('citizen_topics').select('topic_id').where('citizen_key', '=', citizenKey).orderBy('topic_id')).as('topics'),
        array(eb.selectFrom('closures').select(CLOSURE_COLUMNS).where('removed_at', 'is', null).where('last_day', '>=', closuresFrom).orderBy('first_day').orderBy('id')).as('closures'),
      ])
      .executeTakeFirstOrThrow();
    const conversation = decoded(row.conversation);
    return {
      conversation: conversation && { state: JSON.parse(conversation.state) as unknown, updatedAt: conversation.updated_at },
      profile: decoded<CitizenProfileRow>(row.profile),
      openHandoff: decoded<HandoffRow>(row.handoff),
      topics: (decoded(row.topics) ?? []).map((topic) => topic.topic_id),
      closures: decoded<ClosureRow[]>(row.closures) ?? [],
    };
  }
}
