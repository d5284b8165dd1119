import type { HandoffStatus } from '../../storage/schema.js';

export type { HandoffStatus };

export interface HandoffMessage {
  body: string;
  at: number;
}

export interface Handoff {
  id: number;
  citizenKey: string;
  /** Null: the general queue. */
  departmentId: string | null;
  /** What the citizen left for the team when asking. */
  message: string | null;
  /** Whether human attendance was open when they asked (closed: they were told when it resumes). */
  attendanceOpen: boolean;
  urgent: boolean;
  status: HandoffStatus;
  takenBy: number | null;
  createdAt: number;
  updatedAt: number;
  /** Messages written while waiting, oldest first. */
  messages: HandoffMessage[];
}

export interface HandoffRequest {
  citizenKey: string;
  departmentId: string | null;
  message?: string | undefined;
  attendanceOpen: boolean;
  urgent?: boolean | undefined;
}
