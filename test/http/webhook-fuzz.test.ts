import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeLikeMeta, sign } from '../../src/channels/whatsapp-cloud/signature.js';
import { fixtureNames, readFixture } from '../support/fixtures.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { startTestApp, TEST_APP_SECRET, type TestApp } from '../support/test-app.js';

let graph: ScriptedGraph;
let testApp: TestApp;

beforeAll(async () => {
  graph = new ScriptedGraph();
  await graph.start();
  testApp = await startTestApp({ graphUrl: graph.url });
});

afterAll(async () => {
  await testApp.close();
  await graph.stop();
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in a JSON document, e.g. ['entry', 0, 'changes', 0, 'value', 'messages']. */
const pathsOf = (value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> => {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((child, i) => pathsOf(child, [...prefix, i])) : Object.entries(value).map(([key, child]) => pathsOf(child, [...prefix, key]));
  return [prefix, ...children.flat()];
};

/** The document with the value at `path` replaced (undefined: removed). */
const replaced = (value: Json, path: Array<string | number>, by: Json | undefined): Json | undefined => {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((child, i) => (i === head ? replaced(child, rest, by) : child)).filter((child): child is Json => child !== undefined);
  if (value === null || typeof value !== 'object') return value;
  const copy: { [key: string]: Json } = {};
  for (const [key, child] of Object.entries(value)) {
    const next = key === head ? replaced(child, rest, by) : child;
    if (next !== undefined) copy[key] = next;
  }
  return copy;
};

const fixtures = fixtureNames().map((name) => JSON.parse(readFixture(name)) as Json);

/** A real notification from Meta with one value swapped for anything JSON can say, or taken out. */
const mutatedNotification = fc
  .record({ which: fc.nat(), where: fc.nat(), by: fc.option(fc.jsonValue(), { nil: undefined }) })
  .map(({ which, where, by }) => {
    const original = fixtures[which % fixtures.length] ?? null;
    const paths = pathsOf(original);
    return replaced(original, paths[where % paths.length] ?? [], by as Json | undefined) ?? null;
  });

describe('the webhook under hostile but signed input', () => {
  it('answers every mutated notification without a server error, and keeps serving real ones', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedNotification, async (body) => {
        const raw = serializeLikeMeta(body);
        const answer = await testApp.app.http.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(TEST_APP_SECRET, raw) }, payload: raw });
        if (answer.statusCode >= 500) throw new Error(`${answer.statusCode} ${answer.body} for ${raw.slice(0, 500)}`);
      }),
      { numRuns: 400 },
    );
    const health = await testApp.app.http.inject({ method: 'GET', url: '/readyz' });
    expect(health.statusCode).toBe(200);
  });

  // The body is read by Fastify's parser under inject, and by DirectRoutes over a socket.
  it.each([
    { route: 'through Fastify', post: (body: Buffer, headers: Record<string, string>) => testApp.app.http.inject({ method: 'POST', url: '/webhooks/whatsapp', headers, payload: body }).then((a) => ({ status: a.statusCode, text: a.body })) },
    { route: 'direct (node:http)', post: (body: Buffer, headers: Record<string, string>) => fetch(`${testApp.url}/webhooks/whatsapp`, { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, text: await r.text() })) },
  ])('answers any bytes at all with 4xx, never 5xx, signed or not, $route', async ({ post }) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, signed) => {
        const body = Buffer.from(bytes);
        const answer = await post(body, { 'content-type': 'application/json', ...(signed ? { 'x-hub-signature-256': sign(TEST_APP_SECRET, body) } : {}) });
        if (answer.status >= 500 || answer.status < 400) throw new Error(`${answer.status} ${answer.text}`);
      }),
      { numRuns: 300 },
    );
  });
});
