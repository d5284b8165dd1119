import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import { easterSunday, formatLocalDate, holidaysInYear, holidaysOn, parseHolidayRule, ruleDateIn } from './index.js';

const { calendar } = loadCityProfile(fromRoot('city', 'palmas'));
const names = (date: string | Date) => holidaysOn(date, calendar).map((h) => `${h.name} (${h.kind})`);

describe('easterSunday', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(formatLocalDate(easterSunday(year))).toBe(expected);
  });
});

describe('holidaysOn (Palmas)', () => {
  it('Carnaval, Cinzas, Sexta-feira Santa and Corpus Christi in 2026', () => {
    expect(names('2026-02-16')).toEqual(['Carnaval (segunda-feira) (ponto_facultativo)']);
    expect(names('2026-02-17')).toEqual(['Carnaval (terça-feira) (ponto_facultativo)']);
    expect(holidaysOn('2026-02-18', calendar)[0]).toMatchObject({ kind: 'ponto_facultativo_parcial', opensAt: '14:00' });
    expect(names('2026-04-03')).toEqual(['Paixão de Cristo (Sexta-feira Santa) (feriado)']);
    expect(names('2026-06-04')).toEqual(['Corpus Christi (ponto_facultativo)']);
  });

  it('Easter-relative days move in 2027', () => {
    expect(names('2027-02-09')).toEqual(['Carnaval (terça-feira) (ponto_facultativo)']);
    expect(names('2027-03-26')).toEqual(['Paixão de Cristo (Sexta-feira Santa) (feriado)']);
    expect(names('2027-05-27')).toEqual(['Corpus Christi (ponto_facultativo)']);
    expect(names('2027-02-17')).toEqual([]);
  });

  it('fixed national, state and city days', () => {
    expect(names('2026-04-21')).toEqual(['Tiradentes (feriado)']);
    expect(names('2026-03-19')).toEqual(['São José (Padroeiro de Palmas) (feriado)']);
    expect(names('2026-05-20')).toEqual(['Aniversário de Palmas (feriado)']);
    expect(names('2026-10-05')).toEqual(['Criação do Estado do Tocantins (feriado)']);
  });

  it('03-18 is not a holiday since 2009, though it was before', () => {
    expect(names('2026-03-18')).toEqual([]);
    expect(names('2005-03-18')).toEqual(['Dia da Autonomia do Tocantins (feriado)']);
  });

  it('respects validFrom: 11-20 from 2024 and 08-15 from 2025', () => {
    expect(names('2023-11-20')).toEqual([]);
    expect(names('2024-11-20')).toHaveLength(1);
    expect(names('2024-08-15')).toEqual([]);
    expect(names('2025-08-15')).toEqual(['Dia do Senhor do Bonfim (feriado)']);
  });

  it('reads a Date in the city timezone', () => {
    // 2026-04-22T01:00Z is still 21 April (Tiradentes) in Palmas.
    expect(names(new Date('2026-04-22T01:00:00Z'))).toEqual(['Tiradentes (feriado)']);
    expect(names(new Date('2026-04-22T03:00:00Z'))).toEqual([]);
  });

  it('lists a year in date order', () => {
    const year = holidaysInYear(2026, calendar);
    expect(year[0]?.date).toBe('2026-01-01');
    expect(year.map((h) => h.date)).toEqual([...year.map((h) => h.date)].sort());
    expect(year.some((h) => h.date === '2026-03-18')).toBe(false);
  });
});

describe('rules', () => {
  it('parses and rejects rules', () => {
    expect(parseHolidayRule('easter-47')).toEqual({ type: 'easter', offset: -47 });
    expect(parseHolidayRule('12-25')).toEqual({ type: 'fixed', month: 12, day: 25 });
    expect(() => parseHolidayRule('02-30')).toThrow(/No such day/);
    expect(() => parseHolidayRule('christmas')).toThrow(/MM-DD/);
    expect(ruleDateIn('02-29', 2027)).toBeNull();
  });
});
