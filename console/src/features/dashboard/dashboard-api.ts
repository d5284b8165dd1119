import { query } from '../../api/client';

export interface Department {
  id: string;
  name: string;
  short_name: string;
  acronym: string;
}

export interface OverdueRequest {
  protocol: string;
  service_code: string;
  status: string;
  due_at: string;
  days_late: number;
}

export interface DepartmentSummary {
  department_id: string;
  day: string;
  opened: number;
  opened_by_service: Record<string, number>;
  closed_by_status: Record<string, number>;
  open_now: number;
  overdue_now: number;
  overdue: OverdueRequest[];
  ratings: { count: number; average: number | null };
}

export const DEPARTMENTS_PATH = '/api/departments';

/** Without a day: the server's today. */
export const summaryPath = (departmentId: string, day: string | undefined): string =>
  `/api/departments/${encodeURIComponent(departmentId)}/summary${query({ day })}`;
