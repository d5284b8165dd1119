import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Simulator } from './simulator.js';
import type { ChatEvent } from './types.js';

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for one citizen's chat: a `snapshot` first, then `message`, `update`, `typing` and
 * `rejected` as they happen. While the stream is open the chat counts as open on the citizen's phone.
 */
export const streamChatEvents = (simulator: Simulator, request: FastifyRequest, reply: FastifyReply, phone: string, name?: string): void => {
  const closeView = simulator.openChat(phone, name);
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const write = (event: string, data: unknown): void => {
    if (!response.writableEnded) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  write('snapshot', simulator.conversation(phone));

  const forChat = (event: string) => (payload: ChatEvent) => {
    if (payload.phone === phone) write(event, payload.message);
  };
  const onMessage = forChat('message');
  const onUpdate = forChat('update');
  const onTyping = (payload: { phone: string; until: number }): void => {
    if (payload.phone === phone) write('typing', { until: payload.until });
  };
  const onRejected = (payload: { phone: string; code: number; details: string }): void => {
    if (payload.phone === phone) write('rejected', { code: payload.code, details: payload.details });
  };
  simulator.events.on('message', onMessage);
  simulator.events.on('update', onUpdate);
  simulator.events.on('typing', onTyping);
  simulator.events.on('rejected', onRejected);
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);

  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    simulator.events.off('message', onMessage);
    simulator.events.off('update', onUpdate);
    simulator.events.off('typing', onTyping);
    simulator.events.off('rejected', onRejected);
    closeView();
    unregister();
    if (!response.writableEnded) response.end();
  };
  const unregister = simulator.trackStream(end);
  request.raw.on('close', end);
  response.on('close', end);
};
