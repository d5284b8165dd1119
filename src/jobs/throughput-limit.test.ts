import { describe, expect, it } from 'vitest';
import { SlidingWindowLimit, ThroughputLimit } from './throughput-limit.js';

describe('SlidingWindowLimit', () => {
  it('allows `limit` events in any window, then waits for the oldest to leave it', () => {
    const window = new SlidingWindowLimit(3, 1000);
    for (const at of [0, 100, 200]) {
      expect(window.waitTime(at)).toBe(0);
      window.record(at);
    }
    expect(window.waitTime(300)).toBe(700);
    expect(window.available(300, 10)).toBe(0);
    expect(window.available(1100, 10)).toBe(2);
  });
});

describe('ThroughputLimit', () => {
  it('never lets more than 98 % of the limit through in any one-second window, however often it is asked', () => {
    const limit = new ThroughputLimit(1000, 0);
    const sent: number[] = [];
    for (let now = 0; now < 5000; now += 0.25) if (limit.available(now) > 0 && limit.take(now) === 0) sent.push(now);
    let worst = 0;
    for (let start = 0, end = 0; end < sent.length; end += 1) {
      while ((sent[end] ?? 0) - (sent[start] ?? 0) >= 1000) start += 1;
      worst = Math.max(worst, end - start + 1);
    }
    expect(worst).toBeLessThanOrEqual(980);
    // …while keeping close to the limit over time.
    expect(sent.length / 5).toBeGreaterThanOrEqual(970);
  });

  it('catches up after a pause with a burst of at most 5 % of the limit', () => {
    const limit = new ThroughputLimit(1000, 0);
    expect(limit.available(10_000)).toBe(50);
  });

  it('stops everything for a second when Meta says the number went too fast, then resumes at the steady pace', () => {
    const limit = new ThroughputLimit(1000, 0);
    limit.slowDown(10_000);
    expect(limit.available(10_500)).toBe(0);
    expect(limit.take(10_500)).toBe(500);
    expect(limit.available(11_000)).toBe(0);
    expect(limit.take(11_001)).toBe(0);
  });
});
