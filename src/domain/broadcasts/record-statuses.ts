import type { Executor } from '../../storage/database.js';
import type { RecipientProgress } from '../../storage/repositories/broadcast-recipients.repository.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { RecipientState } from '../../storage/schema.js';
import { outboxIdFromCallback } from '../messaging/callback-data.js';
import type { StatusEvent } from '../messaging/notification.js';
import { addDeltas, applyEvent, isNoChange, NO_CHANGE, type MessageEvent, type ProgressDelta } from './recipient-progress.js';

const STATUS_EVENTS: ReadonlySet<string> = new Set<MessageEvent>(['sent', 'delivered', 'read', 'failed']);

interface Tracked {
  state: RecipientState;
  accepted: boolean;
  acceptedAt: number | null;
  failure?: RecipientProgress['failure'];
  changed: boolean;
}

/**
 * Moves broadcast recipients on by Meta's status webhooks and adds the changes to their broadcasts' counters, in the
 * intake's transaction. Statuses of other messages are left alone; a repeated or late status changes nothing.
 */
export const recordBroadcastStatuses = async (tx: Executor, repos: Repositories, statuses: readonly StatusEvent[], now: number): Promise<void> => {
  const relevant = statuses.filter((s) => STATUS_EVENTS.has(s.status)).map((s) => ({ ...s, outboxId: outboxIdFromCallback(s.callbackData) }));
  if (relevant.length === 0) return;
  const rows = await repos.broadcastRecipients.byMessages(
    tx,
    relevant.flatMap((s) => (s.outboxId === null ? [] : [s.outboxId])),
    relevant.filter((s) => s.outboxId === null).map((s) => s.wamid),
  );
  if (rows.length === 0) return;
  const byOutbox = new Map(rows.map((r) => [Number(r.outbox_id), r]));
  const byWamid = new Map(rows.flatMap((r) => (r.wamid ? [[r.wamid, r] as const] : [])));
  const tracked = new Map<number, Tracked & { broadcastId: number }>();
  const deltas = new Map<number, ProgressDelta>();
  for (const status of relevant) {
    const row = (status.outboxId !== null ? byOutbox.get(status.outboxId) : undefined) ?? byWamid.get(status.wamid);
    if (!row) continue;
    const current = tracked.get(row.id) ?? { state: row.state, accepted: row.accepted_at !== null, acceptedAt: row.accepted_at === null ? null : Number(row.accepted_at), changed: false, broadcastId: Number(row.broadcast_id) };
    const change = applyEvent(current, status.status as MessageEvent);
    if (!change) continue;
    tracked.set(row.id, {
      ...current,
      state: change.state,
      accepted: change.accepted,
      acceptedAt: current.acceptedAt ?? (change.accepted ? now : null),
      ...(change.state === 'failed' ? { failure: { errorCode: status.errorCode ?? null, failedAt: now } } : current.state === 'failed' ? { failure: { errorCode: null, failedAt: null } } : {}),
      changed: true,
    });
    deltas.set(current.broadcastId, addDeltas(deltas.get(current.broadcastId) ?? NO_CHANGE, change.delta));
  }
  await repos.broadcastRecipients.recordProgress(tx, [...tracked].filter(([, t]) => t.changed).map(([id, t]) => ({ id, state: t.state, acceptedAt: t.acceptedAt, ...(t.failure !== undefined ? { failure: t.failure } : {}) })), now);
  for (const [broadcastId, delta] of [...deltas].sort(([a], [b]) => a - b)) if (!isNoChange(delta)) await repos.broadcasts.addToCounters(tx, broadcastId, delta, now);
};
