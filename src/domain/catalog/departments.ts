import type { Department } from './types.js';

export const isDepartmentActiveOn = (department: Department, isoDate: string): boolean =>
  (department.validFrom === null || isoDate >= department.validFrom) &&
  (department.validTo === null || isoDate <= department.validTo);

export const departmentsActiveOn = (departments: readonly Department[], isoDate: string): Department[] =>
  departments.filter((d) => isDepartmentActiveOn(d, isoDate));

/**
 * The department that handles work addressed to `id` on a day: the department itself while it is valid,
 * else its successor chain (a secretaria renamed by decree is a data change, not a code change).
 * Returns null when the chain ends in a department that is no longer valid, or when `id` is unknown.
 */
export const resolveDepartment = (departments: readonly Department[], id: string, isoDate: string): Department | null => {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    if (isDepartmentActiveOn(current, isoDate)) return current;
    seen.add(current.id);
    // Before a department existed, nobody else is assumed to have had its work.
    if (current.validFrom !== null && isoDate < current.validFrom) return null;
    current = current.successorId ? byId.get(current.successorId) : undefined;
  }
  return null;
};

/** The department a chain finally leads to, ignoring dates (used by the start-up checks). */
export const finalDepartment = (departments: readonly Department[], id: string): Department | null => {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current) {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    if (!current.successorId) return current;
    current = byId.get(current.successorId);
  }
  return null;
};

/** "Secretaria Municipal de Infraestrutura e Habitação (Seihab)", or the name alone when no acronym is known. */
export const departmentLabel = (department: Department): string =>
  department.acronym ? `${department.name} (${department.acronym})` : department.name;
