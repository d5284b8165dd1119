import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedSendingWindow } from '../../src/jobs/shared-sending-window.js';
import { SharedThroughputLimit } from '../../src/jobs/shared-throughput-limit.js';
import { ThroughputLimit } from '../../src/jobs/throughput-limit.js';
import { APP_REDIS_OPTIONS } from '../../src/platform/live-events.js';
import { createLogger } from '../../src/platform/logger.js';
import { freePort } from '../support/server-process.js';

const redisUrl = process.env.TEST_REDIS_URL;
const logger = createLogger('silent');
const clients: Redis[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

const connect = async (url: string): Promise<Redis> => {
  const redis = new Redis(url, APP_REDIS_OPTIONS);
  clients.push(redis);
  redis.on('error', () => undefined);
  await redis.connect().catch(() => undefined);
  return redis;
};

/** Two instances' views of one number's window (a number of its own, so tests never share one). */
const twoInstances = async (limit: number, options: { leaseMs?: number; windowMs?: number } = {}) => {
  const numberId = `test-${randomBytes(6).toString('hex')}`;
  const open = async () => new SharedSendingWindow({ redis: await connect(redisUrl ?? ''), numberId, limit, logger, ...options });
  return [await open(), await open()] as const;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!redisUrl)('the sending window shared through Redis', () => {
  it('grants all instances together no more than the limit, and says how long to wait', async () => {
    const [first, second] = await twoInstances(10);
    expect((await first.reserve(7))?.granted).toHaveLength(7);
    const rest = await second.reserve(7);
    expect(rest?.granted).toHaveLength(3);
    const none = await second.reserve(1);
    expect(none?.granted).toEqual([]);
    expect(none?.waitMs).toBeGreaterThan(0);
    // Every permit is a distinct member: permits of one instance never free another's.
    expect(new Set([...(rest?.granted ?? []), ...((await first.reserve(1))?.granted ?? [])]).size).toBe(3);
  });

  it('counts a finished send for the window after its answer, and an unused permit not at all', async () => {
    const [first, second] = await twoInstances(2, { windowMs: 300 });
    const permits = (await first.reserve(2))?.granted ?? [];
    await first.finish(permits.slice(0, 1), 0);
    expect((await second.reserve(1))?.granted).toHaveLength(1);
    await first.finish(permits.slice(1));
    const waiting = await second.reserve(1);
    expect(waiting?.granted).toEqual([]);
    expect(waiting?.waitMs).toBeLessThanOrEqual(300);
    await sleep((waiting?.waitMs ?? 0) + 20);
    expect((await second.reserve(1))?.granted).toHaveLength(1);
  });

  it('frees the permits of an instance that died after their lease', async () => {
    const [dead, alive] = await twoInstances(3, { leaseMs: 250 });
    expect((await dead.reserve(3))?.granted).toHaveLength(3);
    expect((await alive.reserve(1))?.granted).toEqual([]);
    await sleep(300);
    expect((await alive.reserve(3))?.granted).toHaveLength(3);
  });

  it('holds every instance when one hears that the number went too fast', async () => {
    const [first, second] = await twoInstances(100);
    await first.hold(400);
    const held = await second.reserve(5);
    expect(held?.granted).toEqual([]);
    expect(held?.waitMs).toBeGreaterThan(250);
    expect(held?.waitMs).toBeLessThanOrEqual(400);
  });

  it('lets sending go on under the local limit when Redis does not answer', async () => {
    const nowhere = await connect(`redis://127.0.0.1:${await freePort()}`);
    const window = new SharedSendingWindow({ redis: nowhere, numberId: 'unreachable', limit: 10, logger });
    expect(await window.reserve(3)).toBeUndefined();
    const limit = new SharedThroughputLimit(new ThroughputLimit(1000, 0), window);
    expect(await limit.reserve(3, 0)).toEqual({ permitted: 3, waitMs: 0 });
    expect(limit.take(0)).toBe(0);
  });

  it('paces a process by the shared permits it holds', async () => {
    const [first, second] = await twoInstances(4);
    const busy = new SharedThroughputLimit(new ThroughputLimit(1000, 0), first);
    const other = new SharedThroughputLimit(new ThroughputLimit(1000, 0), second);
    expect(await busy.reserve(3, 0)).toMatchObject({ permitted: 3 });
    expect(await other.reserve(3, 0)).toMatchObject({ permitted: 1 });
    expect(other.take(0)).toBe(0);
    expect(other.take(0)).toBeGreaterThan(0);
    // The busy process used one permit and gave the other two back: the other may take them.
    expect(busy.take(0)).toBe(0);
    await busy.settle();
    expect(await other.reserve(2, 0)).toMatchObject({ permitted: 2 });
  });
});
