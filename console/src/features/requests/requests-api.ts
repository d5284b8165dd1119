import { api } from '../../api/client';

export type Priority = 'baixa' | 'normal' | 'alta' | 'urgente';

export interface RequestSummary {
  protocol: string;
  service: { code: string; name: string };
  department: { id: string; name: string };
  status: string;
  priority: Priority;
  assignee: { id: number; name: string | null } | null;
  channel: string;
  created_at: string;
  updated_at: string;
  due_at: string | null;
  overdue: boolean;
  place: string | null;
  duplicate_of: string | null;
  has_photos: boolean;
  anonymous: boolean;
  point: { latitude: number; longitude: number } | null;
}

interface Person {
  name: string | null;
  phone: string | null;
}

export interface RequestEvent {
  kind: string;
  from: string | null;
  to: string;
  note: string | null;
  actor: string;
  actor_name: string | null;
  at: string;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  location: { latitude: number | null; longitude: number | null; place_id: string | null; address: string | null; reference: string | null };
  photos: number;
  photo_ids: string[];
  closed_at: string | null;
  feedback: { solved: boolean | null; rating: number | null; at: string | null };
  followers: number;
  duplicates: string[];
  reporter: { citizen: Person | null; caller: Person | null } | null;
  history: RequestEvent[];
}

export interface RequestPage {
  requests: RequestSummary[];
  next_before: number | null;
}

export interface Assignee {
  id: number;
  name: string;
  department_id: string | null;
}

export interface IntakeInput {
  service_code: string;
  location: { latitude?: number; longitude?: number; address?: string; place?: string };
  description: string;
  reference?: string;
  caller: { name?: string; phone?: string };
  channel: 'phone' | 'counter';
}

export interface Registered {
  protocol: string;
  service: { code: string; name: string };
  department: { id: string; name: string };
  due_at: string | null;
  deadline_business_days: number | null;
  duplicate_of: string | null;
  sent_on_whatsapp: boolean;
}

export const PRIORITY_LABELS: Record<Priority, string> = { baixa: 'Baixa', normal: 'Normal', alta: 'Alta', urgente: 'Urgente' };

export const requestPath = (protocol: string): string => `/api/requests/${encodeURIComponent(protocol)}`;
export const assigneesPath = (protocol: string): string => `${requestPath(protocol)}/assignees`;

export const requestActions = {
  change: (protocol: string, patch: { status?: string; note?: string; priority?: Priority; assignee_id?: number | null }) =>
    api.patch<{ request: RequestDetail }>(requestPath(protocol), patch),
  note: (protocol: string, note: string) => api.post<unknown>(`${requestPath(protocol)}/notes`, { note }),
  linkTo: (protocol: string, primary: string) => api.post<unknown>(`${requestPath(protocol)}/duplicate-of`, { primary }),
  unlink: (protocol: string) => api.delete(`${requestPath(protocol)}/duplicate-of`),
  register: (input: IntakeInput) => api.post<Registered>('/api/requests', input),
};
