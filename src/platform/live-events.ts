import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * "Something the console shows changed": consoles fetch again what they show. Events carry no personal data, so
 * every signed-in console may hear every event.
 */
export interface LiveEvent {
  /**
   * 'catalog': coordinators changed catalog texts or training phrases (instances reload them too); 'broadcasts': a
   * broadcast was created, changed status or made progress (announced at most once a second); 'carta': a Carta de
   * Serviços entry was edited or added (instances reload the Carta).
   */
  type: 'inbox' | 'requests' | 'catalog' | 'broadcasts' | 'carta';
}

export interface LiveEvents {
  publish(event: LiveEvent): void;
  /** Returns the function that stops listening. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'whats-palmas:live';

/**
 * How the app connects to Redis: commands fail at once while Redis is away (rate limits and live updates degrade,
 * requests never hang waiting for it), and the connection is opened by the caller.
 */
export const APP_REDIS_OPTIONS = { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false } as const;

const localBus = () => {
  const emitter = new EventEmitter();
  // One listener per open console tab.
  emitter.setMaxListeners(0);
  return {
    emit: (event: LiveEvent) => emitter.emit('event', event),
    subscribe(listener: (event: LiveEvent) => void): () => void {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
};

/** One process: events go straight to its consoles. */
export const inProcessLiveEvents = (): LiveEvents => {
  const bus = localBus();
  return { publish: bus.emit, subscribe: bus.subscribe, close: async () => {} };
};

/**
 * Several instances: events go through Redis pub/sub, so a console connected to one instance hears what a worker
 * on another did. A lost Redis only loses live updates (consoles also refresh on their own), never data.
 */
export const redisLiveEvents = (redis: Redis, logger: Logger): LiveEvents => {
  const bus = localBus();
  // Its own connection (a subscribed one can do nothing else) that queues SUBSCRIBE until connected: the app's client
  // refuses commands while offline, which would drop the subscription silently at start.
  const subscriber = redis.duplicate({ enableOfflineQueue: true, lazyConnect: false });
  subscriber.on('error', (error: Error) => logger.warn({ err: error.message }, 'Redis live-events subscriber problem'));
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      bus.emit(JSON.parse(message) as LiveEvent);
    } catch (error) {
      logger.warn({ err: error }, 'unreadable live event from Redis');
    }
  });
  subscriber.subscribe(CHANNEL).catch((error: unknown) => logger.warn({ err: error }, 'could not subscribe to live events'));
  return {
    publish: (event) => {
      redis.publish(CHANNEL, JSON.stringify(event)).catch((error: unknown) => logger.warn({ err: error }, 'could not publish a live event'));
    },
    subscribe: bus.subscribe,
    close: async () => {
      subscriber.disconnect();
    },
  };
};
