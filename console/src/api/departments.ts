import { useApiGet } from './use-api-get';

/** A department in force today, as GET /api/departments gives it. */
export interface Department {
  id: string;
  name: string;
  short_name: string;
  acronym: string;
}

export const DEPARTMENTS_PATH = '/api/departments';

/** The departments in force, and the short name of one by id (its id while loading or when unknown). */
export const useDepartments = () => {
  const loaded = useApiGet<{ departments: Department[] }>(DEPARTMENTS_PATH);
  const departments = loaded.data?.departments ?? [];
  return {
    departments,
    error: loaded.error,
    loaded: loaded.data !== undefined,
    shortName: (id: string | null): string => departments.find((d) => d.id === id)?.short_name ?? id ?? '',
  };
};
