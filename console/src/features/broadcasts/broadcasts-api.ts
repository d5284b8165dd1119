import { api } from '../../api/client';
import type { PillTone } from '../../ui/Pill';

export type BroadcastStatus = 'scheduled' | 'sending' | 'paused' | 'done' | 'cancelled';

export interface BroadcastSummary {
  id: number;
  title: string;
  status: BroadcastStatus;
  send_at: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  total: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  opted_out: number;
}

export interface Audience {
  topics?: string[];
  neighborhoods?: string[];
  regions?: string[];
}

export interface BroadcastDetail extends BroadcastSummary {
  template: { name: string; language: string; parameters: string[] };
  audience: Audience;
  failed_by_reason: Record<string, number>;
  rate_per_second: number | null;
  eta_seconds: number | null;
  created_by_name: string | null;
}

export interface BroadcastFailure {
  citizen_key: string;
  number_masked: string;
  code: number | null;
  reason: string;
  at: string;
}

export interface NewBroadcast {
  title: string;
  template: { name: string; language: string; parameters: string[] };
  audience: Audience;
  send_at?: string;
}

export interface ApprovedTemplate {
  id: number;
  name: string;
  language: string;
  category: string;
  status: string;
  parameter_count: number;
  parameter_names: string[];
  preview: string;
  components: { header: { format: string; text: string | null } | null; body: string; footer: string | null; buttons: Array<{ type: string; text: string }> };
}

export const BROADCASTS_PATH = '/api/broadcasts';
export const broadcastPath = (id: number) => `${BROADCASTS_PATH}/${id}`;

export const broadcastsApi = {
  create: (input: NewBroadcast) => api.post<{ id: number }>(BROADCASTS_PATH, input),
  dryRun: (audience: Audience) => api.post<{ count: number }>(`${BROADCASTS_PATH}/dry-run`, { audience }),
  control: (id: number, action: 'pause' | 'resume' | 'cancel') => api.post<BroadcastDetail>(`${broadcastPath(id)}/${action}`),
};

/** Still moving: its figures change, so the screen keeps reading them. */
export const isLive = (status: BroadcastStatus): boolean => status === 'sending' || status === 'scheduled' || status === 'paused';

export const STATUS_TONES: Record<BroadcastStatus, PillTone> = { scheduled: 'warning', sending: 'info', paused: 'warning', done: 'success', cancelled: 'neutral' };

export const STATUS_LABELS: Record<BroadcastStatus, string> = {
  scheduled: 'Agendado',
  sending: 'Enviando',
  paused: 'Pausado',
  done: 'Concluído',
  cancelled: 'Cancelado',
};
