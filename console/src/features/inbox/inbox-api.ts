import { api, query } from '../../api/client';

export type InboxStatus = 'waiting' | 'taken' | 'closed';

export interface InboxItem {
  id: number;
  citizen_name: string | null;
  phone: string | null;
  department_id: string | null;
  status: InboxStatus;
  urgent: boolean;
  asked_while_open: boolean;
  taken_by: number | null;
  taken_by_name: string | null;
  waiting_since: string;
  updated_at: string;
  message: string | null;
  /** Free text may be sent; outside WhatsApp's 24-hour window only an approved template. */
  window_open: boolean;
}

export interface HistoryEntry {
  direction: 'in' | 'out' | 'note' | 'event';
  at: string;
  /** `citizen`, `attendant:<id>`, or null for the bot. */
  author: string | null;
  text: string;
  /** What the citizen sent, as received; only for `in`. */
  content: Record<string, unknown> | null;
  delivery: string | null;
}

export interface HistoryPage {
  entries: HistoryEntry[];
  next_before: string | null;
}

export interface CannedReply {
  id: string;
  title: string;
  body: string;
  department_id: string | null;
  fixed: boolean;
}

export const INBOX_PATH = '/api/inbox';
export const CANNED_REPLIES_PATH = '/api/canned-replies';

/** A colleague a coordinator may hand a conversation to. */
export interface Assignee {
  id: number;
  name: string;
  department_id: string | null;
}

export const assigneesPath = (id: number): string => `/api/inbox/${id}/assignees`;
export const historyPath = (id: number, before?: string): string => `/api/inbox/${id}/history${query({ before })}`;
export const mediaPath = (mediaId: string): string => `/api/media/${encodeURIComponent(mediaId)}`;

const actionPath = (id: number, action: string): string => `/api/inbox/${id}/${action}`;

/** What a person does with a conversation; each answers nothing, or the API's Portuguese error. */
export const inboxActions = {
  take: (id: number) => api.post<void>(actionPath(id, 'take')),
  reply: (id: number, text: string) => api.post<void>(actionPath(id, 'reply'), { text }),
  note: (id: number, text: string) => api.post<void>(actionPath(id, 'notes'), { text }),
  transfer: (id: number, department: string) => api.post<void>(actionPath(id, 'transfer'), { department }),
  close: (id: number) => api.post<void>(actionPath(id, 'close')),
  resume: (id: number) => api.post<void>(actionPath(id, 'resume')),
  assign: (id: number, userId: number) => api.post<void>(actionPath(id, 'assign'), { user_id: userId }),
};
