import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

describe('Batcher', () => {
  it('writes items submitted in the same turn, then those submitted during the write, together and in order', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(async (items) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return items.map((i) => i * 10);
    });
    const first = [1, 2].map((i) => batcher.submit(i));
    await new Promise((resolve) => setTimeout(resolve, 2));
    const later = [3, 4].map((i) => batcher.submit(i));
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2], [3, 4]]);
  });

  it('retries a failed batch item by item so one bad item fails alone', async () => {
    const batcher = new Batcher<number, number>(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (items.includes(3)) throw new Error('bad item');
      return items;
    });
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });
});
