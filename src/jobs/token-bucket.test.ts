import { describe, expect, it } from 'vitest';
import { KeyedTokenBuckets, TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows a burst of its capacity, then one token per 1/rate seconds', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 0]);
    expect(bucket.take(0)).toBe(100);
    expect(bucket.take(100)).toBe(0);
    expect(bucket.take(100)).toBeGreaterThan(0);
  });

  it('never holds more than its capacity', () => {
    const bucket = new TokenBucket(10, 2, 0);
    expect(bucket.available(60_000)).toBe(2);
  });

  it('drain makes the caller wait a full interval', () => {
    const bucket = new TokenBucket(1, 5, 0);
    bucket.drain(0);
    expect(bucket.take(0)).toBe(1000);
  });
});

describe('KeyedTokenBuckets', () => {
  it('limits each key on its own and forgets idle keys', () => {
    const pairs = new KeyedTokenBuckets(1 / 6, 2);
    expect([pairs.take('a', 0), pairs.take('a', 0)]).toEqual([0, 0]);
    expect(pairs.take('a', 0)).toBe(6000);
    expect(pairs.take('b', 0)).toBe(0);
    pairs.sweep(13_000);
    expect(pairs.size).toBe(0);
  });
});
