import type { Role } from '../../../api/types';

export interface DepartmentCardData {
  id: string;
  name: string;
  short_name: string;
  acronym: string;
  valid_from: string | null;
  replaced: Array<{ id: string; name: string; valid_to: string | null }>;
  services: Array<{ code: string; name: string; kind: 'request' | 'information'; phone_line: string | null }>;
  people: Array<{ id: number; name: string; role: Role; disabled: boolean }>;
  open_now: number;
  overdue_now: number;
  waiting_now: number;
}

export interface FormerDepartment {
  id: string;
  name: string;
  valid_from: string | null;
  valid_to: string | null;
  successor: { id: string; name: string } | null;
}

export const OVERVIEW_PATH = '/api/departments/overview';
