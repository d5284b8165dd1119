import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import { businessMinutesBetween } from './business-time.js';

const { calendar } = loadCityProfile(fromRoot('city', 'palmas'));
// Palmas is UTC-3: 13:30 local is 16:30Z. Office hours 13:30–18:00 on weekdays.
const at = (iso: string) => Date.parse(iso);

describe('business minutes between two instants', () => {
  it('counts only office hours: within one afternoon, across a weekend, and nothing backwards', () => {
    expect(businessMinutesBetween(at('2026-11-30T16:30:00Z'), at('2026-11-30T17:15:00Z'), calendar)).toBe(45);
    // Friday 17:00 local → Monday 14:00 local: 60 minutes on Friday, 30 on Monday.
    expect(businessMinutesBetween(at('2026-11-27T20:00:00Z'), at('2026-11-30T17:00:00Z'), calendar)).toBe(90);
    // Saturday to Sunday: none.
    expect(businessMinutesBetween(at('2026-11-28T12:00:00Z'), at('2026-11-29T20:00:00Z'), calendar)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-30T17:00:00Z'), at('2026-11-30T16:00:00Z'), calendar)).toBe(0);
  });

  it('skips holidays: Christmas Day counts nothing', () => {
    expect(businessMinutesBetween(at('2026-12-25T12:00:00Z'), at('2026-12-25T23:00:00Z'), calendar)).toBe(0);
    // A whole ordinary week: five afternoons of 4.5 hours.
    expect(businessMinutesBetween(at('2026-11-30T03:00:00Z'), at('2026-12-05T03:00:00Z'), calendar)).toBe(5 * 270);
  });
});
