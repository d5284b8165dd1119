import type { InboundContent } from '../../conversation/input.js';
import type { StaffViewer } from '../attendants/staff.js';
import type { HandoffStatus } from '../handoffs/index.js';

/** Who is looking at the inbox (see attendants/staff for who sees what). */
export type InboxViewer = StaffViewer;

export interface InboxItem {
  id: number;
  citizenKey: string;
  /** The name they registered, else their WhatsApp profile name. */
  citizenName: string | null;
  phone: string | null;
  /** Null: the general queue. */
  departmentId: string | null;
  status: HandoffStatus;
  urgent: boolean;
  /** Whether attendance was open when they asked (closed: they were told when it resumes). */
  askedWhileOpen: boolean;
  takenBy: number | null;
  /** The name of who attends them, so colleagues know whom to ask. */
  takenByName: string | null;
  waitingSince: number;
  updatedAt: number;
  /** What they left for the team when asking. */
  message: string | null;
  /** Free text may be sent (their last message is under 24 hours old); outside it, only templates. */
  windowOpen: boolean;
}

export type HistoryEntry =
  | { direction: 'in'; at: number; content: InboundContent }
  | { direction: 'out'; at: number; author: string | null; text: string; state: string; delivery: string | null }
  | { direction: 'note' | 'event'; at: number; author: string; text: string };
