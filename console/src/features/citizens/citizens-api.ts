import { api, query } from '../../api/client';

export const CITIZENS_ROOT = '/cidadaos';

export interface CitizenSummary {
  key: string;
  phone: string | null;
  name: string | null;
  profile_name: string | null;
  last_message_at: string;
}

export interface CitizenConversation {
  id: number;
  department_id: string | null;
  status: 'waiting' | 'taken' | 'closed' | string;
  attendant: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface CitizenRecord {
  key: string;
  phone: string | null;
  name: string | null;
  profile_name: string | null;
  first_seen_at: string | null;
  last_message_at: string | null;
  place: { place_id: string | null; text: string | null; latitude: number | null; longitude: number | null } | null;
  consent: { status: 'accepted' | 'declined' | 'unanswered'; at: string | null; notice: string | null };
  broadcast: { opted_in: boolean; at: string | null; source: string | null };
  requests: Array<{ protocol: string; service_code: string; status: string; created_at: string; department_id: string }>;
  conversations: CitizenConversation[];
  data_requests: Array<{ id: number; kind: string; status: string; created_at: string }>;
  topics: string[];
  consents: Array<{ subject: 'privacy' | 'broadcasts' | 'topic'; topic_id: string | null; granted: boolean; wording: string; channel: string; at: string }>;
}

/** A citizen's record, or (for users without a department) when their data was anonymised. */
export interface CitizenAnswer {
  citizen: CitizenRecord | null;
  anonymised_at: string | null;
}

export interface Anonymised {
  requests_kept: number;
  media_deleted: number;
  anonymised_at: string;
}

export const citizenApiPath = (key: string) => `/api/citizens/${encodeURIComponent(key)}`;

export const searchPath = (text: string) => `/api/citizens${query({ q: text })}`;

export const citizenPagePath = (key: string) => `${CITIZENS_ROOT}/${encodeURIComponent(key)}`;
export const exportPath = (key: string) => `${citizenApiPath(key)}/export`;
export const anonymise = (key: string, confirm: string) => api.post<Anonymised>(`${citizenApiPath(key)}/anonymise`, { confirm });

/** The name staff know the citizen by: the one they registered, else WhatsApp's. */
export const displayName = (citizen: Pick<CitizenSummary, 'name' | 'profile_name'>): string => citizen.name ?? citizen.profile_name ?? 'Sem nome informado';
