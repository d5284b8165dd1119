import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { LiveEvents } from '../../platform/live-events.js';

export interface EventsRoutesDeps {
  liveEvents: LiveEvents;
  requireUser: onRequestAsyncHookHandler;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number;
}

/**
 * Server-sent events for the console: one `event: inbox` (or `requests`) line per change, so open screens fetch
 * again. Events carry no data of their own; what a user may see is decided by the routes they then call.
 */
export const registerEventsRoutes = (app: FastifyInstance, deps: EventsRoutesDeps): void => {
  // Open streams never end on their own: the server ends them when it closes, or shutting down would wait forever.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get('/api/events', { onRequest: deps.requireUser, schema: { tags: ['events'], summary: 'Live updates for the console (text/event-stream)', security: [{ session: [] }] } }, (request, reply) => {
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    stream.write('retry: 5000\n\n');
    const unsubscribe = deps.liveEvents.subscribe((event) => stream.write(`event: ${event.type}\ndata: {}\n\n`));
    const heartbeat = setInterval(() => stream.write(': ping\n\n'), deps.heartbeatMs ?? 25_000);
    const end = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      stream.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
};
