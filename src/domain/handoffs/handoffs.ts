import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { HandoffMessageRow, HandoffRow } from '../../storage/schema.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';
import type { Handoff, HandoffMessage, HandoffRequest } from './types.js';

/** WhatsApp's text limit: nothing a citizen sends is longer. */
export const MAX_HANDOFF_MESSAGE = 4096;

const toMessage = (row: HandoffMessageRow): HandoffMessage => ({ body: row.body, at: Number(row.at) });

const toHandoff = (row: HandoffRow, messages: HandoffMessageRow[]): Handoff => ({
  id: Number(row.id),
  citizenKey: row.citizen_key,
  departmentId: row.department_id,
  message: row.message,
  attendanceOpen: row.attendance_open === 1,
  urgent: row.urgent === 1,
  status: row.status,
  takenBy: row.taken_by === null ? null : Number(row.taken_by),
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  messages: messages.filter((m) => m.kind === 'message').map(toMessage),
});

const cleanMessage = (text: string | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, MAX_HANDOFF_MESSAGE) : null;
};

/** The citizen's handoff that is waiting or taken, with what they wrote since; undefined when none. */
export const pendingHandoffFor = async (db: Executor, repos: Repositories, citizenKey: string): Promise<Handoff | undefined> => {
  const row = await repos.handoffs.pendingFor(db, citizenKey);
  return row ? toHandoff(row, await repos.handoffs.messages(db, row.id)) : undefined;
};

/**
 * Queues the citizen for a person. A citizen waits in one queue at a time: asking again while a handoff is
 * pending adds the new message to it instead (`created: false`), even when two requests race.
 */
export const requestHandoff = async (
  db: Executor,
  repos: Repositories,
  request: HandoffRequest,
  now: number,
): Promise<{ handoff: Handoff; created: boolean }> =>
  inTransaction(db, async (tx) => {
    const message = cleanMessage(request.message);
    const row = await repos.handoffs.insertIfNoneOpen(
      tx,
      { citizenKey: request.citizenKey, departmentId: request.departmentId, message, attendanceOpen: request.attendanceOpen, urgent: request.urgent ?? false },
      now,
    );
    if (row) return { handoff: toHandoff(row, []), created: true };
    const pending = await repos.handoffs.pendingFor(tx, request.citizenKey);
    if (!pending) throw new Error(`handoff of ${request.citizenKey} neither created nor pending`);
    if (message) await repos.handoffs.addMessage(tx, pending.id, message, now);
    const handoff = await pendingHandoffFor(tx, repos, request.citizenKey);
    if (!handoff) throw new Error(`handoff of ${request.citizenKey} vanished`);
    return { handoff, created: false };
  });

export type AppendHandoffErrorCode = 'no_pending_handoff' | 'empty_message';

/** A message the citizen writes while waiting for a person goes to the team's queue. */
export const appendHandoffMessage = async (
  db: Executor,
  repos: Repositories,
  citizenKey: string,
  body: string,
  now: number,
): Promise<Result<HandoffMessage, AppendHandoffErrorCode>> => {
  const message = cleanMessage(body);
  if (!message) return fail('empty_message', 'invalid_input', 'empty message');
  return inTransaction(db, async (tx): Promise<Result<HandoffMessage, AppendHandoffErrorCode>> => {
    const pending = await repos.handoffs.pendingFor(tx, citizenKey);
    if (!pending) return fail('no_pending_handoff', 'not_found', `${citizenKey} is not waiting for a person`);
    return ok(toMessage(await repos.handoffs.addMessage(tx, pending.id, message, now)));
  });
};
