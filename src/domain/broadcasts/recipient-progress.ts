import type { RecipientState } from '../../storage/schema.js';

/** What Meta says happened to a message (status webhooks) or what sending it came to (the outbox). */
export type MessageEvent = 'accepted' | 'rejected' | 'sent' | 'delivered' | 'read' | 'failed';

/** Changes to a broadcast's counters. */
export interface ProgressDelta {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  settled: number;
}

export const NO_CHANGE: ProgressDelta = { sent: 0, delivered: 0, read: 0, failed: 0, settled: 0 };

/** How far a message got: a later status never takes a recipient back (read after delivered, never the reverse). */
const RANK: Record<RecipientState, number> = { queued: 0, fed: 1, sent: 2, failed: 3, delivered: 4, read: 5, skipped: 9, cancelled: 9 };

const TARGET: Record<MessageEvent, RecipientState> = { accepted: 'sent', rejected: 'failed', sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };

const reached = (state: RecipientState): boolean => state === 'delivered' || state === 'read';
const settled = (state: RecipientState): boolean => RANK[state] >= RANK.sent;

export interface RecipientChange {
  state: RecipientState;
  /** Meta took the message (every status but a refusal means it did). */
  accepted: boolean;
  delta: ProgressDelta;
}

/**
 * The recipient's new state after an event, with what it changes in the figures: sent counts what Meta accepted
 * (some of it may fail afterwards), delivered what reached the phone (read included), failed what was refused or
 * failed and never reached the phone. Undefined when the event changes nothing (late, repeated, or after the end).
 */
export const applyEvent = (current: { state: RecipientState; accepted: boolean }, event: MessageEvent): RecipientChange | undefined => {
  const next = TARGET[event];
  if (RANK[current.state] >= RANK.skipped || RANK[next] <= RANK[current.state]) return undefined;
  const wasAccepted = current.accepted || ['sent', 'delivered', 'read'].includes(current.state);
  const nowAccepted = wasAccepted || event !== 'rejected';
  const delta: ProgressDelta = {
    sent: nowAccepted && !wasAccepted ? 1 : 0,
    delivered: reached(next) && !reached(current.state) ? 1 : 0,
    read: next === 'read' ? 1 : 0,
    failed: (next === 'failed' ? 1 : 0) - (current.state === 'failed' ? 1 : 0),
    settled: settled(next) && !settled(current.state) ? 1 : 0,
  };
  return { state: next, accepted: nowAccepted, delta };
};

export const addDeltas = (a: ProgressDelta, b: ProgressDelta): ProgressDelta => ({
  sent: a.sent + b.sent,
  delivered: a.delivered + b.delivered,
  read: a.read + b.read,
  failed: a.failed + b.failed,
  settled: a.settled + b.settled,
});

export const isNoChange = (d: ProgressDelta): boolean => Object.values(d).every((n) => n === 0);
