import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

// Wednesday 2026-12-23, 19:00 in Palmas: after hours, with Christmas ahead.
const clock = new ManualClock('2026-12-23T22:00:00Z');
const testApp = useTestApp({ clock });

interface Calendar {
  open_now: boolean;
  next_opening: string;
  next_opening_text: string;
  weekly_hours: Array<{ weekday: number; open: string; close: string }>;
  holidays: Array<{ date: string; name: string; kind: string }>;
}

describe('the attendance calendar for the console', () => {
  it('gives office hours, when a person next answers (skipping a coordinator\'s closure), and the holidays ahead', async () => {
    const coordinator = await signInAs(testApp(), 'coordinator');
    expect((await callApi(testApp().url, 'POST', '/api/closures', coordinator, { first_day: '2026-12-28', reason: 'Recesso de fim de ano' })).status).toBe(201);
    const answer = await callApi(testApp().url, 'GET', '/api/calendar', await signInAs(testApp(), 'operator'));
    expect(answer.status).toBe(200);
    const calendar = answer.body as unknown as Calendar;
    expect(calendar.open_now).toBe(false);
    // The 24th is a ponto facultativo, the 25th Christmas, the 28th closed by the coordinator: Tuesday the 29th, 13:30.
    expect(calendar.next_opening).toBe('2026-12-29T16:30:00.000Z');
    expect(calendar.next_opening_text).toContain('13h30');
    expect(calendar.weekly_hours).toContainEqual({ weekday: 1, open: '13:30', close: '18:00' });
    expect(calendar.holidays.slice(0, 2)).toMatchObject([{ date: '2026-12-24', kind: 'ponto_facultativo' }, { date: '2026-12-25', kind: 'feriado' }]);
    expect(calendar.holidays.every((h) => h.date >= '2026-12-23' && h.date <= '2027-12-23')).toBe(true);
    expect(calendar.holidays.some((h) => h.date === '2027-01-01')).toBe(true);
    expect((await callApi(testApp().url, 'GET', '/api/calendar', undefined)).status).toBe(401);
  });
});
