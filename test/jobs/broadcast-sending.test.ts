import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../support/api.js';
import { approvedTemplate, cityProfileAt, optedInCitizens, seedCitizens } from '../support/broadcasts.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { ScriptedGraph } from '../support/scripted-graph.js';
import { signInAs } from '../support/sign-in.js';
import { startTestApp, useTestApp, type TestApp } from '../support/test-app.js';

const eventually = async (check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** The most events in any one-second window. */
const busiestSecond = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let worst = 0;
  for (let start = 0, end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= 1000) start += 1;
    worst = Math.max(worst, end - start + 1);
  }
  return worst;
};

const startBroadcast = async (testApp: TestApp, template: string, parameters: string[]): Promise<number> => {
  const coordinator = await signInAs(testApp, 'coordinator', `coord.${template}@palmas.to.gov.br`);
  const created = await callApi(testApp.url, 'POST', '/api/broadcasts', coordinator, { title: 'Aviso', template: { name: template, language: 'pt_BR', parameters }, audience: {} });
  if (created.status !== 201) throw new Error(created.text);
  return created.body.id as number;
};

describe('broadcast messages and replies on one number', () => {
  // A number allowed 5 messages a second, shared by the broadcast and the conversation.
  const current = useTestApp({ env: { CITY_CONFIG: cityProfileAt(12), WHATSAPP_MAX_MPS: '5' } });

  it("answers a citizen at once while a broadcast is under way, never going over the number's rate", async () => {
    const { app } = current();
    const simulator = app.simulator!;
    const recipients = optedInCitizens(20, 700);
    await seedCitizens(app.storage.db, recipients);
    for (const { key } of recipients) simulator.addCitizen(key);
    const sentAt: number[] = [];
    const broadcastSentAt: number[] = [];
    simulator.events.on('outbound', ({ phone }) => {
      sentAt.push(Date.now());
      if (recipients.some((r) => r.key === phone)) broadcastSentAt.push(Date.now());
    });
    const coordinator = await signInAs(current(), 'coordinator');
    await callApi(current().url, 'POST', '/api/templates', coordinator, { name: 'aviso_chuva', language: 'pt_BR', category: 'UTILITY', body: 'Alerta: {{1}}' });
    await startBroadcast(current(), 'aviso_chuva', ['chuva forte à tarde']);
    await eventually(() => broadcastSentAt.length >= 4);

    const asked = Date.now();
    await scriptedCitizen(current(), '5563999995555', 'Rita').says('oi', 'LGPD');
    const answeredAfter = Date.now() - asked;
    const broadcastLeft = recipients.length - broadcastSentAt.length;
    // Behind the waiting broadcast messages the reply would take seconds; it went first.
    expect(answeredAfter).toBeLessThan(1_500);
    expect(broadcastLeft).toBeGreaterThanOrEqual(8);
    await eventually(() => broadcastSentAt.length === recipients.length);
    expect(busiestSecond(sentAt)).toBeLessThanOrEqual(5);
  }, 30_000);
});

describe('Meta saying the number went too fast (130429)', () => {
  let graph: ScriptedGraph;
  let testApp: TestApp;

  beforeAll(async () => {
    graph = new ScriptedGraph();
    await graph.start();
    testApp = await startTestApp({ graphUrl: graph.url, env: { CITY_CONFIG: cityProfileAt(12) } });
  });

  afterAll(async () => {
    await testApp.close();
    await graph.stop();
  });

  it('stops the whole number for a second, then sends every message once', async () => {
    const { app } = testApp;
    const recipients = optedInCitizens(5, 900);
    await seedCitizens(app.storage.db, recipients);
    await approvedTemplate(app.storage.db, app.repos, 'aviso_obra', 'Obra: {{1}}');
    graph.failNext(130429);
    const id = await startBroadcast(testApp, 'aviso_obra', ['recapeamento']);
    const calls = await graph.waitForSends(6, 10_000);
    // The refused send was in the first batch (sent together); nothing else went out in the second after it.
    const afterFirstBatch = calls.filter((c) => c.at - calls[0]!.at > 50);
    expect(afterFirstBatch.length).toBeGreaterThan(0);
    expect(afterFirstBatch[0]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    await eventually(async () => (await app.repos.broadcasts.byId(app.storage.db, id))?.status === 'done');
    expect(graph.sends().map((c) => c.body.to).sort()).toEqual([calls[0]!.body.to, ...recipients.map((r) => r.key)].sort());
    expect(await app.repos.broadcasts.byId(app.storage.db, id)).toMatchObject({ total: 5, sent: 5, failed: 0 });
  });
});
