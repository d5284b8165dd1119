import { sql } from 'kysely';
import type { Dialect, Executor } from '../database.js';
import { multiRowInsert } from '../multi-row-insert.js';

export interface NewStatus {
  wamid: string;
  status: string;
  recipient: string;
  occurredAt: number;
  errorCode: number | null;
  payload: unknown;
}

type StatusKey = Pick<NewStatus, 'wamid' | 'status'>;
const keyOf = (s: StatusKey): string => `${s.wamid}\u0000${s.status}`;

/** Every status Meta reported for our messages, once per (wamid, status). */
export class MessageStatusesRepository {
  private readonly insertRows;

  constructor(private readonly dialect: Dialect) {
    this.insertRows = multiRowInsert<'message_statuses', StatusKey>(dialect, 'message_statuses',
      ['wamid', 'status', 'recipient', 'occurred_at', 'error_code', 'payload'], 'on conflict ("wamid", "status") do nothing returning "wamid", "status"');
  }

  /**
   * Stores the statuses not seen before, in one statement; for each given status, whether it was new (false for a
   * redelivery, and for a repeat of an earlier status in the same list).
   */
  async insertManyIfNew(db: Executor, statuses: readonly NewStatus[]): Promise<boolean[]> {
    if (statuses.length === 0) return [];
    const inserted = new Set((await this.insert(db, statuses)).map(keyOf));
    return statuses.map((s) => inserted.delete(keyOf(s)));
  }

  private async insert(db: Executor, statuses: readonly NewStatus[]): Promise<StatusKey[]> {
    if (this.dialect === 'sqlite') return this.insertRows(db, statuses.map((s) => [s.wamid, s.status, s.recipient, s.occurredAt, s.errorCode, JSON.stringify(s.payload)]));
    // Arrays, not a VALUES list: one statement text (and one prepared statement) whatever the number of statuses.
    const column = <K extends keyof NewStatus>(key: K) => statuses.map((s) => s[key]);
    const result = await sql<StatusKey>`
      insert into message_statuses (wamid, status, recipient, occurred_at, error_code, payload)
      select * from unnest(${column('wamid')}::text[], ${column('status')}::text[], ${column('recipient')}::text[],
        ${column('occurredAt')}::int8[], ${column('errorCode')}::int4[], ${statuses.map((s) => JSON.stringify(s.payload))}::text[])
      on conflict (wamid, status) do nothing
      returning wamid, status`.execute(db);
    return result.rows;
  }
}
