import { useDepartments } from '../../api/departments';

/** The short name of a department ("Seihab"), or "Fila geral" for the general queue. */
export const useDepartmentName = (): ((id: string | null) => string) => {
  const { shortName } = useDepartments();
  return (id) => (id === null ? 'Fila geral' : shortName(id));
};
