import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fromRoot } from '../platform/paths.js';
import { CityProfileError, loadCityProfile } from './city-profile.js';

const BUNDLED = fromRoot('city', 'palmas');
const CONTRACT_CODES = [
  'iluminacao-publica', 'tapa-buraco', 'retirada-galhada', 'retirada-entulho', 'rocagem-limpeza', 'drenagem-bueiro',
  'foco-dengue', 'saude-orientacao', 'perturbacao-sossego', 'lote-baldio', 'obra-irregular', 'ocupacao-calcada',
  'informacoes-gerais',
];

type Json = Record<string, unknown> & { services?: Record<string, unknown>[] };
const copies: string[] = [];

/** A copy of the bundled profile with one file changed by `edit`. */
const brokenProfile = (file: string, edit: (json: Json) => void): string => {
  const dir = mkdtempSync(join(tmpdir(), 'city-'));
  copies.push(dir);
  cpSync(BUNDLED, dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
  return dir;
};

const problemsOf = (dir: string): string[] => {
  try {
    loadCityProfile(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CityProfileError);
    return (error as CityProfileError).problems;
  }
  throw new Error('the profile was accepted');
};

const service = (json: Json, code: string): Record<string, unknown> => {
  const found = json.services?.find((s) => s.code === code);
  if (!found) throw new Error(`no service ${code}`);
  return found;
};

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadCityProfile (bundled Palmas)', () => {
  const profile = loadCityProfile(BUNDLED);

  it('keeps the original fields', () => {
    expect(profile).toMatchObject({ id: 'palmas', timezone: 'America/Araguaina', locale: 'pt-BR', directory: BUNDLED });
    expect(profile.whatsapp.displayPhoneNumber).toBe('556332127500');
    expect(profile.texts.greeting).toMatch(/Whats Palmas/);
  });

  it('carries exactly the 13 service codes of CONTRACT.md, each routed to a 2026 department', () => {
    expect(profile.catalog.services.map((s) => s.code).sort()).toEqual([...CONTRACT_CODES].sort());
    const route = Object.fromEntries(profile.catalog.services.map((s) => [s.code, s.departmentId]));
    expect(route['iluminacao-publica']).toBe('seihab');
    expect(route['tapa-buraco']).toBe('zeladoria-urbana');
    expect(route['foco-dengue']).toBe('semus');
    expect(route['obra-irregular']).toBe('planejamento-desenvolvimento-urbano');
    expect(route['informacoes-gerais']).toBe('secom');
  });

  it('asks every request service for a location and marks deadlines as proposals', () => {
    for (const s of profile.catalog.services.filter((x) => x.kind === 'request')) {
      expect(s.fields.find((f) => f.kind === 'location')?.required, s.code).toBe(true);
      expect(['proposal', 'none'], s.code).toContain(s.deadline?.status);
    }
    expect(profile.catalog.services.find((s) => s.code === 'iluminacao-publica')?.deadline?.businessDays).toBe(5);
  });

  it('has calendar, places and contacts', () => {
    expect(profile.calendar.timezone).toBe('America/Araguaina');
    expect(profile.calendar.holidays.length).toBeGreaterThan(20);
    expect(profile.places.places.find((p) => p.id === 'luzimangues')?.outsideCity).toBe(true);
    expect(profile.contacts.emergency.map((e) => e.phone)).toEqual(['192', '193', '190', '153', '199']);
  });
});

describe('loadCityProfile rejects broken profiles with clear messages', () => {
  it('an unknown department id in the catalog', () => {
    const dir = brokenProfile('catalog.json', (j) => (service(j, 'tapa-buraco').departmentId = 'seisp-2099'));
    expect(problemsOf(dir)).toContain('catalog.json: service "tapa-buraco" points at an unknown department "seisp-2099"');
  });

  it('a duplicate service code', () => {
    const dir = brokenProfile('catalog.json', (j) => {
      const copy = { ...service(j, 'tapa-buraco'), menuTitle: 'Outro buraco' };
      j.services?.push(copy);
    });
    expect(problemsOf(dir)).toContain('catalog.json: duplicate service code "tapa-buraco"');
  });

  it('a menu title over 24 characters and a description over 72', () => {
    const dir = brokenProfile('catalog.json', (j) => {
      service(j, 'tapa-buraco').menuTitle = 'Tapa-buraco nas ruas da cidade';
      service(j, 'lote-baldio').menuDescription = 'x'.repeat(73);
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => /^catalog\.json: services\.1\.menuTitle: menu title over 24/.test(p))).toBe(true);
    expect(problems.some((p) => /^catalog\.json: services\.\d+\.menuDescription: menu description over 72/.test(p))).toBe(true);
  });

  it('a request service without fields, and an information service without guidance', () => {
    const dir = brokenProfile('catalog.json', (j) => {
      service(j, 'tapa-buraco').fields = [];
      service(j, 'saude-orientacao').guidance = [];
    });
    const problems = problemsOf(dir);
    expect(problems).toContain('catalog.json: service "tapa-buraco" is a request service without fields');
    expect(problems).toContain('catalog.json: service "tapa-buraco" needs exactly one required location field');
    expect(problems).toContain('catalog.json: service "saude-orientacao" is an information service without guidance');
  });

  it('a department that ends without a successor while services still point at it', () => {
    const dir = brokenProfile('departments.json', (j) => {
      const list = j.departments as Record<string, unknown>[];
      const seihab = list.find((d) => d.id === 'seihab');
      if (seihab) seihab.validTo = '2026-12-31';
    });
    expect(problemsOf(dir)).toContain(
      'catalog.json: service "iluminacao-publica" routes to "seihab", which ends on 2026-12-31 with no successor',
    );
  });

  it('bad holiday rules and partial days without an hour', () => {
    const dir = brokenProfile('calendar.json', (j) => {
      const list = j.holidays as Record<string, unknown>[];
      list.push({ rule: '02-30', name: 'Impossível', scope: 'municipal', kind: 'feriado', validFrom: null, validTo: null, confirmYearly: false, source: 't' });
      list.push({ rule: '06-01', name: 'Meio dia', scope: 'municipal', kind: 'ponto_facultativo_parcial', validFrom: null, validTo: null, confirmYearly: false, source: 't' });
    });
    const problems = problemsOf(dir);
    expect(problems).toContain('calendar.json: holiday "02-30" (Impossível): No such day: "02-30"');
    expect(problems).toContain('calendar.json: holiday "06-01" (Meio dia): a partial day needs opensAt or closesAt');
  });

  it('an unknown timezone, a wrong date and a typo in a key', () => {
    const city = brokenProfile('city.json', (j) => (j.timezone = 'America/Palmas'));
    expect(problemsOf(city)).toContain('city.json: unknown timezone "America/Palmas"');
    const dates = brokenProfile('departments.json', (j) => {
      const first = (j.departments as Record<string, unknown>[])[0];
      if (first) {
        first.validTo = '2024-13-01';
        first.acronimo = 'X';
      }
    });
    const problems = problemsOf(dates);
    expect(problems.some((p) => p.startsWith('departments.json: departments.0.validTo:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('departments.json: departments.0:') && p.includes('acronimo'))).toBe(true);
  });

  it('a missing file', () => {
    const dir = brokenProfile('places.json', () => undefined);
    unlinkSync(join(dir, 'places.json'));
    expect(problemsOf(dir)[0]).toMatch(/^places\.json: missing/);
  });

  it('reports every problem at once, in the error message too', () => {
    const dir = brokenProfile('catalog.json', (j) => {
      service(j, 'tapa-buraco').departmentId = 'x';
      service(j, 'lote-baldio').departmentId = 'y';
    });
    expect(() => loadCityProfile(dir)).toThrow(/unknown department "x"[\s\S]*unknown department "y"/);
  });
});
