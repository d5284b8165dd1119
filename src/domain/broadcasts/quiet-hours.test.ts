import { describe, expect, it } from 'vitest';
import { describeLocalTime, isQuietTime, nextQuietStart, nextSendingTime, sendingFinishTime } from './quiet-hours.js';

// Palmas is UTC−3 all year.
const TZ = 'America/Araguaina';
const local = (text: string) => new Date(`${text}-03:00`);

describe('quiet hours (21:00–08:00 on the city clock)', () => {
  it('holds from 21:00 until just before 08:00', () => {
    expect(isQuietTime(local('2026-11-30T20:59'), TZ)).toBe(false);
    expect(isQuietTime(local('2026-11-30T21:00'), TZ)).toBe(true);
    expect(isQuietTime(local('2026-12-01T03:00'), TZ)).toBe(true);
    expect(isQuietTime(local('2026-12-01T07:59'), TZ)).toBe(true);
    expect(isQuietTime(local('2026-12-01T08:00'), TZ)).toBe(false);
  });

  it('says when sending may start: at once outside them, else at 08:00 the same or the next morning', () => {
    expect(nextSendingTime(local('2026-11-30T10:15'), TZ)).toEqual(local('2026-11-30T10:15'));
    expect(nextSendingTime(local('2026-11-30T22:30'), TZ)).toEqual(local('2026-12-01T08:00'));
    expect(nextSendingTime(local('2026-12-31T23:59'), TZ)).toEqual(local('2027-01-01T08:00'));
    expect(nextSendingTime(local('2026-12-01T05:00'), TZ)).toEqual(local('2026-12-01T08:00'));
  });

  it('says when a broadcast under way has to stop', () => {
    expect(nextQuietStart(local('2026-11-30T10:15'), TZ)).toEqual(local('2026-11-30T21:00'));
    expect(nextQuietStart(local('2026-11-30T23:00'), TZ)).toEqual(local('2026-12-01T21:00'));
  });

  it('writes times the way staff read them', () => {
    expect(describeLocalTime(local('2026-12-01T08:00'), TZ)).toBe('01/12/2026 às 08:00');
  });
});

describe('when sending ends', () => {
  it('adds the quiet hours it has to wait through', () => {
    expect(sendingFinishTime(local('2026-11-30T10:00'), 60 * 60_000, TZ)).toEqual(local('2026-11-30T11:00'));
    // Two hours of sending from 20:00: one before the quiet hours, one after 08:00.
    expect(sendingFinishTime(local('2026-11-30T20:00'), 2 * 60 * 60_000, TZ)).toEqual(local('2026-12-01T09:00'));
    expect(sendingFinishTime(local('2026-11-30T23:00'), 30 * 60_000, TZ)).toEqual(local('2026-12-01T08:30'));
  });
});
