import { describe, expect, it } from 'vitest';
import { CausalWindow, ThroughputLimit } from './throughput-limit.js';

/** The most sends whose [start, answer] span touches any one-second window: what a receiver with any delay may see. */
const worstSecond = (sends: Array<{ start: number; end: number }>): number => {
  let worst = 0;
  for (const { start } of sends) worst = Math.max(worst, sends.filter((s) => s.end >= start && s.start < start + 1000).length);
  return worst;
};

describe('CausalWindow', () => {
  it('counts a send from its start until a second after its answer', () => {
    const window = new CausalWindow(2, 1000);
    window.start();
    window.start();
    expect(window.available(500)).toBe(0);
    window.finish(600);
    expect(window.available(1500)).toBe(0);
    expect(window.waitTime(1500)).toBe(100);
    expect(window.available(1600)).toBe(1);
  });
});

describe('ThroughputLimit', () => {
  it('never lets a receiver see more than 99 % of the limit in a second, whatever the latency, and keeps close to it', () => {
    const limit = new ThroughputLimit(1000, 0);
    const sends: Array<{ start: number; end: number }> = [];
    const open: Array<{ start: number; end: number }> = [];
    for (let now = 0; now < 5000; now += 0.5) {
      for (const send of open.filter((s) => s.end <= now)) {
        limit.finish(now);
        open.splice(open.indexOf(send), 1);
      }
      while (limit.available(now) > 0 && limit.take(now) === 0) {
        // Answers take 5 to 45 ms, as a busy receiver's would.
        const send = { start: now, end: now + 5 + ((sends.length * 7) % 41) };
        sends.push(send);
        open.push(send);
      }
    }
    expect(worstSecond(sends.filter((s) => s.start < 4000))).toBeLessThanOrEqual(990);
    expect(sends.length / 5).toBeGreaterThanOrEqual(950);
  });

  it('catches up after a pause with a burst of at most 5 % of the limit', () => {
    expect(new ThroughputLimit(1000, 0).available(10_000)).toBe(50);
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
