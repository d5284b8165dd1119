import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOpen311Routes } from '../../src/http/open311/register-open311-routes.js';
import { systemClock } from '../../src/platform/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { parseXml } from './support.js';

/*
 * The console serves its client-side pages from a catch-all GET route in a sibling scope. Fastify prefers a route to
 * any not-found handler, so without a catch-all of its own, Open311 clients (FixMyStreet polls tokens/ and
 * servicerequestupdates.xml, which we do not serve) would get the console's 404 instead of an Open311 error list.
 */
describe('Open311 routing next to a catch-all route elsewhere', () => {
  let testApp: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    testApp = await startTestApp();
    server = Fastify();
    await server.register(async (browser) => {
      browser.get('/*', async (_request, reply) => reply.status(404).send({ error: 'console page not found' }));
    });
    const { config, storage, repos } = testApp.app;
    await registerOpen311Routes(server, { config, db: storage.db, repos, clock: systemClock, catalogChangedAt: () => undefined });
    await server.ready();
  });
  afterAll(async () => {
    await server.close();
    await testApp.close();
  });

  it.each([
    ['GET', '/open311/v2/tokens/123.xml'],
    ['GET', '/open311/v2/servicerequestupdates.xml?start_date=2026-03-16T12:00:00Z'],
    ['POST', '/open311/v2/servicerequestupdates.xml'],
  ] as const)('answers %s %s with an Open311 error list', async (method, url) => {
    const answer = await server.inject({ method, url });
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(parseXml(answer.body)).toMatchObject({ errors: { error: [{ code: '404' }] } });
  });

  it('still serves its own routes', async () => {
    const answer = await server.inject({ method: 'GET', url: '/open311/v2/services.json' });
    expect(answer.statusCode).toBe(200);
  });
});
