import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { addClosure, closuresForCalendar, removeClosure, upcomingClosures } from './index.js';

const TZ = 'America/Araguaina';
// Monday 2026-11-30, 13:00 in Palmas.
const NOW = Date.parse('2026-11-30T16:00:00Z');

describe.each(dialects)('attendance closures on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('adds a one-day closure or a range, lists those still ahead, and removes one keeping the row', async () => {
    const { db } = current.storage;
    const repos = current.repos;
    const day = await addClosure(db, repos, TZ, { firstDay: '2026-12-24', reason: '  Véspera   de Natal ' }, 7, NOW);
    expect(day).toEqual({ ok: true, value: expect.objectContaining({ firstDay: '2026-12-24', lastDay: '2026-12-24', reason: 'Véspera de Natal', createdBy: 7 }) });
    const range = await addClosure(db, repos, TZ, { firstDay: '2026-12-28', lastDay: '2027-01-06', reason: 'Recesso de fim de ano' }, 7, NOW);
    expect(range.ok).toBe(true);
    expect((await upcomingClosures(db, repos, TZ, NOW)).map((c) => c.reason)).toEqual(['Véspera de Natal', 'Recesso de fim de ano']);
    expect(await closuresForCalendar(db, repos, TZ, NOW)).toContainEqual({ date: '2026-12-28', until: '2027-01-06', reason: 'Recesso de fim de ano' });

    if (!day.ok) throw new Error('unreachable');
    expect(await removeClosure(db, repos, day.value.id, 8, NOW + 1)).toEqual({ ok: true, value: undefined });
    expect(await removeClosure(db, repos, day.value.id, 8, NOW + 2)).toMatchObject({ ok: false, error: { code: 'closure_not_found', kind: 'not_found' } });
    expect((await upcomingClosures(db, repos, TZ, NOW)).map((c) => c.reason)).toEqual(['Recesso de fim de ano']);
    expect(await repos.closures.byId(db, day.value.id)).toMatchObject({ removed_by: 8 });
  });

  it('refuses bad dates, reversed or year-long ranges, past periods and empty reasons, writing nothing', async () => {
    const { db } = current.storage;
    const add = (firstDay: string, lastDay: string | undefined, reason = 'Motivo') => addClosure(db, current.repos, TZ, { firstDay, lastDay, reason }, 1, NOW);
    expect(await add('2026-02-30', undefined)).toMatchObject({ ok: false, error: { code: 'invalid_date' } });
    expect(await add('30/12/2026', undefined)).toMatchObject({ ok: false, error: { code: 'invalid_date' } });
    expect(await add('2026-12-10', '2026-12-09')).toMatchObject({ ok: false, error: { code: 'range_reversed' } });
    expect(await add('2026-12-01', '2027-12-02')).toMatchObject({ ok: false, error: { code: 'range_too_long' } });
    expect(await add('2026-11-27', '2026-11-29')).toMatchObject({ ok: false, error: { code: 'in_the_past' } });
    expect(await add('2026-12-01', undefined, '  ')).toMatchObject({ ok: false, error: { code: 'invalid_reason' } });
    expect(await add('2026-11-30', undefined, 'Hoje ainda vale')).toMatchObject({ ok: true });
    expect(await db.selectFrom('closures').selectAll().execute()).toHaveLength(1);
  });
});
