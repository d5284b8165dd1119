import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDatabase, postgresUrl, type TestDatabase } from '../support/databases.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const redisUrl = process.env.TEST_REDIS_URL;
const MAX_MPS = 10;
const MESSAGES = 40;

/** The most calls received in any one second. */
const busiestSecond = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start += 1;
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
};

describe.skipIf(!postgresUrl || !redisUrl)('two instances sending for one number (PostgreSQL + Redis)', () => {
  let graph: ScriptedGraph;
  let database: TestDatabase;
  const instances: TestApp[] = [];

  beforeAll(async () => {
    graph = new ScriptedGraph();
    await graph.start();
    database = await postgresDatabase();
    // A number of its own, so other tests' sends never count against this one's limit.
    const numberId = `9${randomBytes(5).readUIntBE(0, 5)}`;
    for (const token of ['token-of-instance-1', 'token-of-instance-2']) {
      instances.push(await startTestApp({
        graphUrl: graph.url,
        // The database is dropped once, after both instances stopped.
        database: { url: database.url, drop: async () => {} },
        env: { REDIS_URL: redisUrl ?? '', WHATSAPP_MAX_MPS: String(MAX_MPS), WHATSAPP_PHONE_NUMBER_ID: numberId, WHATSAPP_ACCESS_TOKEN: token },
      }));
    }
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await database?.drop();
    await graph?.stop();
  });

  it('keep together under the number\'s limit, each message sent once', async () => {
    const [first, second] = instances;
    const { app } = first!;
    await app.repos.outbox.enqueue(
      app.storage.db,
      Array.from({ length: MESSAGES }, (_, i) => ({ idempotencyKey: `shared-rate-${i}`, recipient: `55639990${String(i).padStart(5, '0')}`, payload: { type: 'text', text: { body: `aviso ${i}` } } })),
      Date.now(),
    );
    app.dispatcher.wake.notify();
    second!.app.dispatcher.wake.notify();

    const sends = await graph.waitForSends(MESSAGES, 30_000);
    expect(new Set(sends.map((send) => send.body.to)).size).toBe(MESSAGES);
    const byInstance = (token: string) => sends.filter((send) => send.authorization === `Bearer ${token}`).length;
    // Both instances sent: alone, each would send MAX_MPS a second, and the two together twice that.
    expect(byInstance('token-of-instance-1')).toBeGreaterThan(0);
    expect(byInstance('token-of-instance-2')).toBeGreaterThan(0);
    expect(busiestSecond(sends.map((send) => send.at))).toBeLessThanOrEqual(Math.floor(MAX_MPS * 0.99));
  }, 40_000);
});
