import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import { addBusinessDays, isBusinessDay, parseLocalDate } from './index.js';

const { calendar } = loadCityProfile(fromRoot('city', 'palmas'));
const local = (iso: string): Date => new Date(`${iso}:00-03:00`);

describe('addBusinessDays', () => {
  it('skips the weekend and keeps the local time', () => {
    expect(addBusinessDays(local('2026-11-27T10:00'), 1, calendar).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    expect(addBusinessDays(local('2026-11-28T10:00'), 1, calendar).toISOString()).toBe('2026-11-30T13:00:00.000Z');
  });

  it('skips feriados: Thursday 16/04/2026 + 5 jumps Tiradentes → Friday 24/04', () => {
    expect(addBusinessDays(local('2026-04-16T15:00'), 5, calendar).toISOString()).toBe('2026-04-24T18:00:00.000Z');
  });

  it('skips a full ponto facultativo but counts the partial Quarta de Cinzas', () => {
    expect(addBusinessDays(local('2026-02-13T15:00'), 1, calendar).toISOString()).toBe('2026-02-18T18:00:00.000Z');
  });

  it('skips coordinator closures', () => {
    const closures = [{ date: '2026-11-30', until: '2026-12-01' }];
    expect(addBusinessDays(local('2026-11-27T10:00'), 1, calendar, closures).toISOString()).toBe('2026-12-02T13:00:00.000Z');
  });

  it('counts from the local day near midnight UTC', () => {
    // Friday 23:30 in Palmas is Saturday in UTC; +1 is still Monday.
    expect(addBusinessDays(new Date('2026-11-28T02:30:00Z'), 1, calendar).toISOString()).toBe('2026-12-01T02:30:00.000Z');
  });

  it('n = 0 is the same instant; negative or fractional n is refused', () => {
    const at = local('2026-11-27T10:00');
    expect(addBusinessDays(at, 0, calendar)).toEqual(at);
    expect(() => addBusinessDays(at, -1, calendar)).toThrow();
    expect(() => addBusinessDays(at, 1.5, calendar)).toThrow();
  });

  it('isBusinessDay', () => {
    expect(isBusinessDay(parseLocalDate('2026-03-18'), calendar)).toBe(true);
    expect(isBusinessDay(parseLocalDate('2026-03-19'), calendar)).toBe(false);
    expect(isBusinessDay(parseLocalDate('2026-06-04'), calendar)).toBe(false);
    expect(isBusinessDay(parseLocalDate('2026-11-29'), calendar)).toBe(false);
  });
});
