import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import {
  currentLines,
  departmentLabel,
  emergencyLine,
  findService,
  requestServices,
  resolveDepartment,
  servicesByGroup,
  type Department,
} from './index.js';

const profile = loadCityProfile(fromRoot('city', 'palmas'));

describe('catalog', () => {
  it('finds services and groups them for the menu in order', () => {
    expect(findService(profile.catalog, 'tapa-buraco')?.departmentId).toBe('zeladoria-urbana');
    expect(findService(profile.catalog, 'nope')).toBeUndefined();
    expect(requestServices(profile.catalog)).toHaveLength(11);
    const sections = servicesByGroup(profile.catalog);
    expect(sections.map((s) => s.group.id)).toEqual(['servicos-urbanos', 'saude', 'fiscalizacao', 'informacoes']);
    expect(sections.flatMap((s) => s.services)).toHaveLength(13);
  });
});

describe('departments', () => {
  const dept = (over: Partial<Department> & { id: string }): Department => ({
    name: over.id,
    shortName: over.id,
    acronym: '',
    validFrom: null,
    validTo: null,
    successorId: null,
    source: 'test',
    ...over,
  });
  const chain = [
    dept({ id: 'old', validTo: '2025-09-30', successorId: 'new' }),
    dept({ id: 'new', validFrom: '2025-10-01', validTo: '2026-02-28', successorId: 'newer' }),
    dept({ id: 'newer', validFrom: '2026-03-01' }),
  ];

  it('routes to the department valid on the day, following renames', () => {
    expect(resolveDepartment(chain, 'old', '2025-05-01')?.id).toBe('old');
    expect(resolveDepartment(chain, 'old', '2025-12-01')?.id).toBe('new');
    expect(resolveDepartment(chain, 'old', '2026-06-01')?.id).toBe('newer');
    expect(resolveDepartment(chain, 'newer', '2025-01-01')).toBeNull();
    expect(resolveDepartment(chain, 'missing', '2026-06-01')).toBeNull();
  });

  it('the bundled 2026 structure: Seisp work goes to Seihab', () => {
    expect(resolveDepartment(profile.departments, 'seisp', '2026-06-01')?.acronym).toBe('Seihab');
    expect(departmentLabel(profile.departments.find((d) => d.id === 'seihab')!)).toBe(
      'Secretaria Municipal de Infraestrutura e Habitação (Seihab)',
    );
    expect(departmentLabel(profile.departments.find((d) => d.id === 'zeladoria-urbana')!)).toBe(
      'Secretaria Municipal da Zeladoria Urbana',
    );
  });
});

describe('contacts', () => {
  it('emergency numbers in order, current lines only', () => {
    expect(emergencyLine(profile.contacts)).toBe(
      'SAMU 192 · Bombeiros 193 · Polícia Militar 190 · Guarda Metropolitana 153 · Defesa Civil 199',
    );
    expect(currentLines(profile.contacts).map((l) => l.phone)).not.toContain('0800 646 4156');
  });
});
