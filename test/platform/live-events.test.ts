import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_REDIS_OPTIONS, inProcessLiveEvents, redisLiveEvents, type LiveEvent, type LiveEvents } from '../../src/platform/live-events.js';
import { createLogger } from '../../src/platform/logger.js';

const redisUrl = process.env.TEST_REDIS_URL;
const logger = createLogger('silent');
const opened: Array<{ events: LiveEvents; redis?: Redis }> = [];

afterEach(async () => {
  for (const { events, redis } of opened.splice(0)) {
    await events.close();
    redis?.disconnect();
  }
});

const next = (events: LiveEvents): Promise<LiveEvent> =>
  new Promise((resolve) => {
    const stop = events.subscribe((event) => {
      stop();
      resolve(event);
    });
  });

describe('live events', () => {
  it('reach every subscriber of the process, until they stop listening', async () => {
    const events = inProcessLiveEvents();
    opened.push({ events });
    const heard: LiveEvent[] = [];
    const stop = events.subscribe((event) => heard.push(event));
    events.publish({ type: 'inbox' });
    stop();
    events.publish({ type: 'requests' });
    expect(heard).toEqual([{ type: 'inbox' }]);
  });

  it.skipIf(!redisUrl)('cross from one instance to another through Redis', async () => {
    const instance = () => {
      // As the app opens it: events are set up before the connection is, so the subscription must wait for it.
      const redis = new Redis(redisUrl ?? '', APP_REDIS_OPTIONS);
      const events = redisLiveEvents(redis, logger);
      void redis.connect();
      opened.push({ events, redis });
      return events;
    };
    const web = instance();
    const worker = instance();
    const heard = next(web);
    // The subscription is asynchronous: publish until the other instance hears (Redis pub/sub keeps no history).
    const timer = setInterval(() => worker.publish({ type: 'inbox' }), 50);
    try {
      expect(await heard).toEqual({ type: 'inbox' });
    } finally {
      clearInterval(timer);
    }
  });
});

if (!redisUrl) console.log('[skip] live events through Redis: TEST_REDIS_URL not set');
