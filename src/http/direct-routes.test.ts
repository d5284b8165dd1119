import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectRoutes, readJsonPost, sendJson } from './direct-routes.js';

let routes: DirectRoutes;
let server: Server;
let url: string;
const read: unknown[] = [];

beforeEach(async () => {
  read.length = 0;
  routes = new DirectRoutes();
  routes.post('/direct', (request, response) => {
    void readJsonPost(request, response, 1_000).then((post) => {
      if (!post) return;
      read.push(post.body);
      sendJson(response, 200, { bytes: post.raw.length });
    });
  });
  // Stands in for Fastify: whatever the direct routes leave.
  server = routes.serverFactory((_request, response) => void response.writeHead(200).end('fastify'), { keepAliveTimeout: 1_234 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, body: string | ReadableStream<Uint8Array>, contentType = 'application/json') =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body, duplex: 'half' } as RequestInit);

describe('DirectRoutes', () => {
  it('answers its exact POST address itself and leaves everything else to Fastify', async () => {
    expect(await (await post('/direct', '{"a":1}')).json()).toEqual({ bytes: 7 });
    expect(read).toEqual([{ a: 1 }]);
    expect(await (await post('/direct?x=1', '{"a":2}')).text()).toBe('fastify');
    expect(await (await fetch(`${url}/direct`)).text()).toBe('fastify');
    expect(await (await post('/other', '{}')).text()).toBe('fastify');
    expect(read).toHaveLength(1);
  });

  it('keeps the timeouts Fastify asked for', () => {
    expect(server.keepAliveTimeout).toBe(1_234);
  });

  it('refuses with 503 and closes the connection once the server is closing', async () => {
    routes.refuseFromNow();
    const response = await post('/direct', '{"a":1}');
    expect(response.status).toBe(503);
    expect(response.headers.get('connection')).toBe('close');
    expect(read).toEqual([]);
    expect(await (await fetch(`${url}/direct`)).text()).toBe('fastify');
  });

  it('reads bodies as Fastify would: 415 for another type, 400 for broken JSON, 413 over the limit, NULs dropped', async () => {
    expect((await post('/direct', 'a=1', 'application/x-www-form-urlencoded')).status).toBe(415);
    expect((await post('/direct', '{"a":')).status).toBe(400);
    expect((await post('/direct', JSON.stringify({ a: 'x'.repeat(2_000) }))).status).toBe(413);
    expect((await post('/direct', '{"a":"x\\u0000y"}', 'application/json; charset=utf-8')).status).toBe(200);
    expect(read).toEqual([{ a: 'xy' }]);
  });

  it('counts the bytes of a body sent without a length, and stops at the limit', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(new TextEncoder().encode(' '.repeat(100)));
        controller.close();
      },
    });
    expect((await post('/direct', chunks)).status).toBe(413);
    expect(read).toEqual([]);
  });
});
