import { api } from '../../api/client';

export interface CitizenSummary {
  key: string;
  phone: string | null;
  name: string | null;
  profile_name: string | null;
  last_message_at: string;
}

export interface CitizenRecord extends Omit<CitizenSummary, 'last_message_at'> {
  first_seen_at: string | null;
  last_message_at: string | null;
  place: { place_id: string | null; text: string | null; latitude: number | null; longitude: number | null } | null;
  consent: { status: 'accepted' | 'declined' | 'unanswered'; at: string | null; notice: string | null };
  broadcast: { opted_in: boolean; at: string | null; source: string | null };
  requests: Array<{ protocol: string; service_code: string; status: string; created_at: string; department_id: string }>;
  conversations: Array<{ id: number; department_id: string | null; status: string; created_at: string; closed_at: string | null }>;
  data_requests: Array<{ id: number; kind: string; status: string; created_at: string }>;
}

export const citizenPath = (key: string): string => `/api/citizens/${encodeURIComponent(key)}`;
export const exportPath = (key: string): string => `${citizenPath(key)}/export`;
export const searchPath = (q: string): string => `/api/citizens?q=${encodeURIComponent(q)}`;

export const anonymise = (key: string, confirm: string) => api.post<{ requests_kept: number; media_deleted: number }>(`${citizenPath(key)}/anonymise`, { confirm });

export const displayName = (citizen: Pick<CitizenSummary, 'name' | 'profile_name'>): string => citizen.name ?? citizen.profile_name ?? 'Cidadão sem nome';
