import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callApi } from '../support/api.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { signInAs } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let graph: ScriptedGraph;
let testApp: TestApp;

beforeEach(async () => {
  graph = new ScriptedGraph();
  await graph.start();
  testApp = await startTestApp({ graphUrl: graph.url });
});

afterEach(async () => {
  await testApp.close();
  await graph.stop();
});

describe('the Graph API failing (circuit breaker)', () => {
  it('holds sends back after five failures in a row, tells the console, and resumes by itself when Meta answers', async () => {
    const { app } = testApp;
    const attendant = await signInAs(testApp, 'attendant');
    const channel = () => callApi(testApp.url, 'GET', '/api/operations/channel', attendant).then((answer) => answer.body);
    expect(await channel()).toMatchObject({ sending_paused: null, graph_unavailable: null });

    graph.outage = { status: 503, body: { error: { message: 'Service temporarily unavailable', code: 131016 } } };
    await app.repos.outbox.enqueue(
      app.storage.db,
      Array.from({ length: 12 }, (_, i) => ({ idempotencyKey: `outage-${i}`, recipient: `55639966${String(i).padStart(5, '0')}`, payload: { type: 'text', text: { body: `olá ${i}` } } })),
      Date.now(),
    );
    app.dispatcher.wake.notify();
    await expect.poll(channel, { timeout: 5_000 }).toMatchObject({ graph_unavailable: { since: expect.any(String) }, waiting: { count: 12 } });
    const callsWhenOpened = graph.sends().length;
    // Failed sends back off for about a second: without the breaker they would be tried again meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(graph.sends().length).toBe(callsWhenOpened);
    expect(await (await fetch(`${testApp.url}/metrics`)).text()).toContain('whatsapp_graph_unavailable 1');

    // Meta is back: the next probe succeeds and everything goes out, once each.
    graph.outage = undefined;
    await graph.waitForSends(callsWhenOpened + 12, 20_000);
    await expect.poll(channel, { timeout: 5_000 }).toMatchObject({ graph_unavailable: null, waiting: { count: 0 } });
    const accepted = new Set(graph.sends().slice(callsWhenOpened).map((send) => send.body.to));
    expect(accepted.size).toBe(12);
  }, 40_000);
});
