import type { Tx } from '../../storage/database.js';
import type { RequestStatus } from './statuses.js';

/** What a citizen is told about a request outside a conversation turn. */
export type RequestNotice =
  | {
      kind: 'opened';
      protocol: string;
      serviceName: string;
      departmentName: string;
      deadlineBusinessDays: number | null;
    }
  | {
      kind: 'status';
      protocol: string;
      serviceName: string;
      status: RequestStatus;
      note: string | null;
      /** On conclusion the citizen is asked whether it was solved. */
      askFeedback: boolean;
    };

/**
 * Queues a notice for a citizen inside the caller's transaction (an outbox row, sent by the dispatcher). How it
 * is said (free text inside WhatsApp's 24-hour window, an approved template outside it) is the channel's business.
 */
export interface RequestNotifier {
  notify(tx: Tx, citizenKey: string, notice: RequestNotice, idempotencyKey: string, now: number): Promise<void>;
}
