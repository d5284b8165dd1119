import { describe, expect, it } from 'vitest';
import { retryFor } from './retry-for.js';

describe('retryFor', () => {
  it('tries again until the work succeeds, telling each failure', async () => {
    let calls = 0;
    const failures: unknown[] = [];
    const result = await retryFor(5_000, async () => {
      calls += 1;
      if (calls < 3) throw new Error(`falha ${calls}`);
      return 'gravado';
    }, (error) => failures.push(error));
    expect(result).toBe('gravado');
    expect(failures.map((e) => (e as Error).message)).toEqual(['falha 1', 'falha 2']);
  });

  it('gives up once its time is over and throws the last error', async () => {
    let calls = 0;
    const outcome = await retryFor(200, async () => {
      calls += 1;
      throw new Error(`falha ${calls}`);
    }).catch((error: unknown) => error);
    expect(calls).toBeGreaterThan(1);
    expect((outcome as Error).message).toBe(`falha ${calls}`);
  });
});
