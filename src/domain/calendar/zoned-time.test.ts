import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zonedInstant, zonedParts } from './zoned-time.js';

/** Zones with DST (past or present), half- and quarter-hour offsets, and the city's own. */
const ZONES = ['America/Araguaina', 'America/Sao_Paulo', 'America/Noronha', 'America/Manaus', 'Europe/Lisbon', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

/** What the runtime's formatter says, field by field: the reference the quarter-hour offset cache must match. */
const intlReading = (at: Date, timezone: string) => {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' });
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second), weekday: weekdays.indexOf(String(parts.weekday)) };
};

describe('zoned time', () => {
  it('reads every instant since 1970 as the runtime formatter does, in any zone', () => {
    const start = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
    // Runs of nearby instants, so readings come both from the cached quarter hour and from a new one.
    const steps = fc.array(fc.integer({ min: 0, max: 20 * 60_000 }), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(start, steps, fc.constantFrom(...ZONES), (first, gaps, zone) => {
      let at = first;
      for (const gap of gaps) {
        at += gap;
        expect(zonedParts(new Date(at), zone)).toEqual(intlReading(new Date(at), zone));
      }
    }), { numRuns: 2_000 });
  });

  it('reads the instants around a DST change on either side of it', () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04 (03:00 UTC), and back on 2019-02-17.
    const change = Date.UTC(2018, 10, 4, 3, 0, 0);
    expect(zonedParts(new Date(change - 1_000), 'America/Sao_Paulo')).toMatchObject({ day: 3, hour: 23, minute: 59, second: 59 });
    expect(zonedParts(new Date(change), 'America/Sao_Paulo')).toMatchObject({ day: 4, hour: 1, minute: 0, second: 0 });
    expect(zonedParts(new Date(Date.UTC(2019, 1, 17, 1, 59, 59)), 'America/Sao_Paulo')).toMatchObject({ day: 16, hour: 23 });
    expect(zonedParts(new Date(Date.UTC(2019, 1, 17, 2, 0, 0)), 'America/Sao_Paulo')).toMatchObject({ day: 16, hour: 23 });
  });

  it('finds the instant of a wall-clock time, Palmas being three hours behind UTC', () => {
    expect(zonedInstant({ year: 2026, month: 11, day: 30 }, 13 * 60 + 30, 'America/Araguaina').toISOString()).toBe('2026-11-30T16:30:00.000Z');
    expect(zonedInstant({ year: 2026, month: 12, day: 31 }, 24 * 60, 'America/Araguaina').toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });
});
