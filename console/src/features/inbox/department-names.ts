import { useApiGet } from '../../api/use-api-get';
import { DEPARTMENTS_PATH, type Department } from './inbox-api';

/** The short name of a department ("Seihab"), or a neutral word while the list loads or for no department. */
export const useDepartmentName = (): ((id: string | null) => string) => {
  const departments = useApiGet<{ departments: Department[] }>(DEPARTMENTS_PATH);
  return (id) => {
    if (id === null) return 'Fila geral';
    return departments.data?.departments.find((d) => d.id === id)?.short_name ?? id;
  };
};
