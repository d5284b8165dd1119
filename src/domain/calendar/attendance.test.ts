import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import { describeOpening, isAttendanceOpen, nextAttendanceOpening } from './index.js';

const { calendar } = loadCityProfile(fromRoot('city', 'palmas'));
const TZ = calendar.timezone;
/** Palmas wall-clock time (UTC−3, no DST) as an instant. */
const local = (iso: string): Date => new Date(`${iso}:00-03:00`);
const opening = (from: string, closures = [] as { date: string; until?: string }[]) => {
  const now = local(from);
  const at = nextAttendanceOpening(now, calendar, closures);
  return { at: at.toISOString(), words: describeOpening(at, now, TZ) };
};

describe('isAttendanceOpen', () => {
  it('is open on a weekday from 13:30 until just before 18:00', () => {
    expect(isAttendanceOpen(local('2026-11-27T13:29'), calendar)).toBe(false);
    expect(isAttendanceOpen(local('2026-11-27T13:30'), calendar)).toBe(true);
    expect(isAttendanceOpen(local('2026-11-27T17:59'), calendar)).toBe(true);
    expect(isAttendanceOpen(new Date('2026-11-27T20:59:59.999Z'), calendar)).toBe(true);
    expect(isAttendanceOpen(local('2026-11-27T18:00'), calendar)).toBe(false);
  });

  it('is closed on weekends and holidays, and open on 03-18 (not a holiday since 2009)', () => {
    expect(isAttendanceOpen(local('2026-11-28T15:00'), calendar)).toBe(false);
    expect(isAttendanceOpen(local('2026-04-21T15:00'), calendar)).toBe(false);
    expect(isAttendanceOpen(local('2026-03-19T15:00'), calendar)).toBe(false);
    expect(isAttendanceOpen(local('2026-03-18T15:00'), calendar)).toBe(true);
  });

  it('is closed on a ponto facultativo and opens at 14:00 on Quarta-feira de Cinzas', () => {
    expect(isAttendanceOpen(local('2026-02-17T15:00'), calendar)).toBe(false);
    expect(isAttendanceOpen(local('2026-02-18T13:45'), calendar)).toBe(false);
    expect(isAttendanceOpen(local('2026-02-18T14:00'), calendar)).toBe(true);
  });

  it('honours extra closures and the alwaysOpen flag', () => {
    const at = local('2026-11-25T15:00');
    expect(isAttendanceOpen(at, calendar)).toBe(true);
    expect(isAttendanceOpen(at, calendar, [{ date: '2026-11-24', until: '2026-11-26' }])).toBe(false);
    expect(isAttendanceOpen(local('2026-11-28T03:00'), calendar, [], { alwaysOpen: true })).toBe(true);
  });

  it('reads the hour in the city, not in UTC', () => {
    // 16:30Z is 13:30 in Palmas (open); 13:30Z is 10:30 (closed).
    expect(isAttendanceOpen(new Date('2026-11-27T16:30:00Z'), calendar)).toBe(true);
    expect(isAttendanceOpen(new Date('2026-11-27T13:30:00Z'), calendar)).toBe(false);
  });
});

describe('nextAttendanceOpening + describeOpening', () => {
  it('Friday 18:00 → Monday 13:30', () => {
    expect(opening('2026-11-27T18:00')).toEqual({ at: '2026-11-30T16:30:00.000Z', words: 'segunda-feira, às 13h30' });
  });

  it('Saturday → Monday', () => {
    expect(opening('2026-11-28T10:00')).toEqual({ at: '2026-11-30T16:30:00.000Z', words: 'segunda-feira, às 13h30' });
  });

  it('before opening → today; after closing → tomorrow', () => {
    expect(opening('2026-11-25T09:00').words).toBe('hoje, às 13h30');
    expect(opening('2026-11-25T18:30').words).toBe('amanhã, às 13h30');
  });

  it('returns the instant itself while open', () => {
    const now = local('2026-11-25T15:00');
    expect(nextAttendanceOpening(now, calendar)).toEqual(now);
  });

  it('a national holiday on Monday (Finados 2026) → Tuesday', () => {
    expect(opening('2026-10-30T18:00')).toEqual({ at: '2026-11-03T16:30:00.000Z', words: 'terça-feira, às 13h30' });
  });

  it('Independência (Mon 09-07) and Natividade (Tue 09-08, Tocantins) 2026 → Wednesday', () => {
    expect(opening('2026-09-04T18:00').at).toBe('2026-09-09T16:30:00.000Z');
  });

  it('Carnaval 2026 → Quarta-feira de Cinzas at 14h', () => {
    expect(opening('2026-02-13T18:30')).toEqual({ at: '2026-02-18T17:00:00.000Z', words: 'quarta-feira, às 14h' });
    expect(opening('2026-02-18T13:35')).toEqual({ at: '2026-02-18T17:00:00.000Z', words: 'hoje, às 14h' });
  });

  it('Carnaval 2027 (Easter on 28 March) → Wednesday 10 February at 14h', () => {
    expect(opening('2027-02-05T18:00').at).toBe('2027-02-10T17:00:00.000Z');
  });

  it('a long recess adds the date to the weekday', () => {
    const recess = [{ date: '2026-12-21', until: '2027-01-01' }];
    expect(opening('2026-12-18T19:00', recess)).toEqual({
      at: '2027-01-04T16:30:00.000Z',
      words: 'segunda-feira, 04/01, às 13h30',
    });
  });

  it('uses the local day around midnight UTC', () => {
    // 02:00Z on Friday is still Thursday 23:00 in Palmas: Friday 13:30 is "amanhã", not "hoje".
    const thursdayNight = new Date('2026-11-27T02:00:00Z');
    const next = nextAttendanceOpening(thursdayNight, calendar);
    expect(next.toISOString()).toBe('2026-11-27T16:30:00.000Z');
    expect(describeOpening(next, thursdayNight, TZ)).toBe('amanhã, às 13h30');
    // 01:30Z on Saturday is Friday 22:30 in Palmas: next is Monday, three days ahead.
    const fridayNight = new Date('2026-11-28T01:30:00Z');
    expect(describeOpening(nextAttendanceOpening(fridayNight, calendar), fridayNight, TZ)).toBe('segunda-feira, às 13h30');
  });

  it('throws when the calendar can never open', () => {
    const closed = { ...calendar, weeklyHours: [] };
    expect(() => nextAttendanceOpening(local('2026-11-27T18:00'), closed)).toThrow(/No attendance opening/);
  });
});
