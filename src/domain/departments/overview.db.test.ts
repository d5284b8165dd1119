import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import type { Department } from '../catalog/index.js';
import { departmentsOverview } from './overview.js';

const city = loadCityProfile(fromRoot('city', 'palmas'));
const TODAY = '2026-11-30';
const COORDINATOR = { id: 1, name: 'Lia', role: 'coordinator' as const, departmentId: null };

// A decree published ahead of its date: Seihab ends with the year and a new secretaria takes its work.
const seihab = city.departments.find((d) => d.id === 'seihab') as Department;
const reorganised: Department[] = [
  ...city.departments.filter((d) => d.id !== 'seihab'),
  { ...seihab, validTo: '2026-12-31', successorId: 'obras-2027' },
  { ...seihab, id: 'obras-2027', name: 'Secretaria Municipal de Obras', shortName: 'Obras', acronym: '', validFrom: '2027-01-01', validTo: null, successorId: null },
];

describe.each(dialects)('the departments overview on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('keeps a structure that starts after today out of both the departments in force and the former ones', async () => {
    const overview = await departmentsOverview(current.storage.db, current.repos, {
      departments: reorganised,
      catalog: city.catalog,
      viewer: COORDINATOR,
      today: TODAY,
      now: Date.parse(`${TODAY}T15:00:00-03:00`),
    });
    expect(overview.current.map((c) => c.department.id)).toContain('seihab');
    expect(overview.current.map((c) => c.department.id)).not.toContain('obras-2027');
    expect(overview.former.map((f) => f.department.id)).toEqual(['seisp', 'sedurs', 'infraestrutura-obras-publicas', 'mobilidade-planejamento-desenvolvimento-urbano']);
  });
});
