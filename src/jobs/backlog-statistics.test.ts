import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import { BacklogStatistics } from './backlog-statistics.js';

const setUp = (refresh: () => Promise<void> = async () => undefined) => {
  const clock = new ManualClock('2026-11-29T14:00:00Z');
  let refreshes = 0;
  const statistics = new BacklogStatistics({
    refresh: () => {
      refreshes += 1;
      return refresh();
    },
    clock, logger: createLogger('silent'), intervalMs: 10_000,
  });
  return { clock, statistics, refreshes: () => refreshes };
};

describe('BacklogStatistics', () => {
  it('refreshes when a claim comes back full, and not when it found less than it asked for', async () => {
    const { statistics, refreshes } = setUp();
    await statistics.claimed(3, 8);
    await statistics.claimed(0, 0);
    expect(refreshes()).toBe(0);
    await statistics.claimed(8, 8);
    expect(refreshes()).toBe(1);
  });

  it('refreshes at most once per interval while the backlog lasts', async () => {
    const { clock, statistics, refreshes } = setUp();
    await statistics.claimed(8, 8);
    clock.advance(9_999);
    expect(statistics.claimed(8, 8)).toBeUndefined();
    clock.advance(1);
    await statistics.claimed(8, 8);
    expect(refreshes()).toBe(2);
  });

  it('never starts a second refresh while one is still running', async () => {
    let finish = () => undefined as void;
    const slowFirst = new Promise<void>((resolve) => (finish = resolve));
    const { clock, statistics, refreshes } = setUp(() => (refreshes() === 1 ? slowFirst : Promise.resolve()));
    const first = statistics.claimed(8, 8);
    clock.advance(60_000);
    expect(statistics.claimed(8, 8)).toBeUndefined();
    finish();
    await first;
    await statistics.claimed(8, 8);
    expect(refreshes()).toBe(2);
  });

  it('a failed refresh is logged, not thrown, and the next interval tries again', async () => {
    const { clock, statistics, refreshes } = setUp(() => Promise.reject(new Error('canceling statement due to lock timeout')));
    await expect(statistics.claimed(8, 8)).resolves.toBeUndefined();
    clock.advance(10_000);
    await statistics.claimed(8, 8);
    expect(refreshes()).toBe(2);
  });
});
