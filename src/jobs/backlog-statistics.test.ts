import { describe, expect, it } from 'vitest';
import { ManualClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import { BacklogStatistics } from './backlog-statistics.js';

const setUp = (refresh: (clock: ManualClock, nth: number) => Promise<void> = async () => undefined) => {
  const clock = new ManualClock('2026-11-29T14:00:00Z');
  let refreshes = 0;
  const statistics = new BacklogStatistics({
    refresh: () => {
      refreshes += 1;
      return refresh(clock, refreshes);
    },
    clock, logger: createLogger('silent'), minIntervalMs: 1_000, timeShare: 0.002,
  });
  return { clock, statistics, refreshes: () => refreshes };
};

/** A refresh that takes `tookMs` of the clock's time (the ManualClock moves only when told). */
const taking = (tookMs: number) => async (clock: ManualClock) => {
  clock.advance(tookMs);
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

  // Quick refreshes (a small table) may come once a second, so the statistics follow a growing backlog; slower ones
  // wait longer, so refreshing never takes more than its share (here 0.2 %) of the time.
  it.each([
    { tookMs: 2, nextAfterMs: 1_000 },
    { tookMs: 20, nextAfterMs: 10_000 },
  ])('after a refresh that took $tookMs ms, refreshes again $nextAfterMs ms after it began, not sooner', async ({ tookMs, nextAfterMs }) => {
    const { clock, statistics, refreshes } = setUp(taking(tookMs));
    await statistics.claimed(8, 8);
    clock.advance(nextAfterMs - tookMs - 1);
    expect(statistics.claimed(8, 8)).toBeUndefined();
    clock.advance(1);
    await statistics.claimed(8, 8);
    expect(refreshes()).toBe(2);
  });

  it('never starts a second refresh while one is still running', async () => {
    let finish = () => undefined as void;
    const slowFirst = new Promise<void>((resolve) => (finish = resolve));
    const { clock, statistics, refreshes } = setUp((_, nth) => (nth === 1 ? slowFirst : Promise.resolve()));
    const first = statistics.claimed(8, 8);
    clock.advance(1);
    expect(statistics.claimed(8, 8)).toBeUndefined();
    finish();
    await first;
    clock.advance(999);
    await statistics.claimed(8, 8);
    expect(refreshes()).toBe(2);
  });

  it('a failed refresh is logged, not thrown, and a later claim tries again', async () => {
    const { clock, statistics, refreshes } = setUp(() => Promise.reject(new Error('canceling statement due to lock timeout')));
    await expect(statistics.claimed(8, 8)).resolves.toBeUndefined();
    clock.advance(1_000);
    await statistics.claimed(8, 8);
    expect(refreshes()).toBe(2);
  });
});
