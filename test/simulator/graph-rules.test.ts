import { afterEach, describe, expect, it } from 'vitest';
import { GraphClient } from '../../src/channels/whatsapp-cloud/graph-client.js';
import { GraphError } from '../../src/channels/whatsapp-cloud/graph-errors.js';
import { ManualClock } from '../../src/platform/clock.js';
import { CITIZEN, PHONE_NUMBER_ID, TOKEN, buttonsTo, startHarness, textTo, type Harness } from './support.js';

let harness: Harness;
afterEach(async () => harness?.close());

const messages = `${PHONE_NUMBER_ID}/messages`;

/** A harness where CITIZEN has just written, so the customer-service window is open. */
const withOpenWindow = async (overrides: Parameters<typeof startHarness>[0] = {}): Promise<Harness> => {
  const h = await startHarness(overrides);
  await h.standalone.simulator.sendText(CITIZEN, 'Ana', 'oi').acknowledged;
  return h;
};

const template = (name: string, language: string, params: string[]) => ({
  messaging_product: 'whatsapp',
  to: CITIZEN,
  type: 'template',
  template: { name, language: { code: language }, components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] },
});

describe('fake Graph API rules', () => {
  it('refuses a missing or wrong bearer token with code 190 and HTTP 401', async () => {
    harness = await startHarness();
    for (const token of [null, 'wrong-token']) {
      const answer = await harness.graph(messages, textTo(CITIZEN, 'oi'), { token });
      expect(answer.status).toBe(401);
      expect(answer.json.error).toMatchObject({ code: 190, type: 'OAuthException', message: expect.stringMatching(/^\(#190\) /) });
    }
  });

  it('answers malformed bodies with code 100 and Meta limit violations with 131009 naming the rule', async () => {
    harness = await withOpenWindow();
    const malformed = await harness.graph(messages, { messaging_product: 'whatsapp', to: CITIZEN, type: 'text', text: {} });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatchObject({ code: 100, error_data: { messaging_product: 'whatsapp', details: expect.stringContaining('text.body') } });
    expect(malformed.json.error?.fbtrace_id).toMatch(/^A/);

    const cases: Array<[unknown, RegExp]> = [
      [buttonsTo(CITIZEN, [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `Opção ${n}` }))), /1 to 3 buttons/],
      [buttonsTo(CITIZEN, [{ id: 'a', title: 'Um título comprido demais' }]), /title must be at most 20/],
      [buttonsTo(CITIZEN, [{ id: 'a', title: 'Sim' }, { id: 'b', title: 'Sim' }]), /titles must be unique/],
      [buttonsTo(CITIZEN, [{ id: 'a', title: 'Sim' }], 'x'.repeat(1025)), /body.text must be at most 1024/],
      [textTo(CITIZEN, 'x'.repeat(4097)), /text.body must be at most 4096/],
      [
        {
          messaging_product: 'whatsapp',
          to: CITIZEN,
          type: 'interactive',
          interactive: {
            type: 'list',
            body: { text: 'Serviços' },
            action: {
              button: 'Ver serviços',
              sections: [
                { title: 'A', rows: Array.from({ length: 6 }, (_, i) => ({ id: `a${i}`, title: `Serviço ${i}` })) },
                { title: 'B', rows: Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, title: `Serviço ${i}` })) },
              ],
            },
          },
        },
        /10 rows in total across sections \(got 11\)/,
      ],
    ];
    for (const [body, rule] of cases) {
      const answer = await harness.graph(messages, body);
      expect(answer.status).toBe(400);
      expect(answer.json.error?.code).toBe(131009);
      expect(answer.json.error?.error_data.details).toMatch(rule);
    }
  });

  it('enforces the 24-hour window on the injected clock: free-form after 25 h gets 131047', async () => {
    harness = await withOpenWindow();
    expect((await harness.graph(messages, textTo(CITIZEN, 'dentro da janela'))).status).toBe(200);
    harness.clock.advance(25 * 60 * 60 * 1000);
    const late = await harness.graph(messages, textTo(CITIZEN, 'fora da janela'));
    expect(late.status).toBe(400);
    expect(late.json.error?.code).toBe(131047);

    await harness.standalone.simulator.sendText(CITIZEN, 'Ana', 'voltei').acknowledged;
    expect((await harness.graph(messages, textTo(CITIZEN, 'janela reaberta'))).status).toBe(200);
  });

  it('accepts only approved templates in that language with the right parameter count', async () => {
    harness = await startHarness({
      templates: [
        { name: 'protocolo_atualizado', language: 'pt_BR', bodyParameters: 2, category: 'UTILITY' },
        { name: 'pesquisa', language: 'pt_BR', bodyParameters: 0, status: 'PENDING' },
      ],
    });
    harness.standalone.simulator.addCitizen(CITIZEN, 'Ana');
    const missing = await harness.graph(messages, template('nao_existe', 'pt_BR', []));
    expect(missing.json.error?.code).toBe(132001);
    expect((await harness.graph(messages, template('protocolo_atualizado', 'en_US', ['a', 'b']))).json.error?.code).toBe(132001);
    expect((await harness.graph(messages, template('pesquisa', 'pt_BR', []))).json.error?.code).toBe(132001);
    const mismatch = await harness.graph(messages, template('protocolo_atualizado', 'pt_BR', ['só um']));
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error?.code).toBe(132000);

    const ok = await harness.graph(messages, template('protocolo_atualizado', 'pt_BR', ['2026-000123', 'em análise']));
    expect(ok.status).toBe(200);
    expect(ok.json.messages?.[0]?.message_status).toBe('accepted');
    const status = await harness.receiver.waitForStatus(ok.json.messages?.[0]?.id ?? '', 'delivered');
    expect(status.pricing).toEqual({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
  });

  it('limits throughput per number (130429) and sends per recipient (131056), refilling with time', async () => {
    const rateClock = new ManualClock('2026-03-02T12:00:00Z');
    harness = await withOpenWindow({ maxMps: 3, rateClock });
    const other = '5563988887777';
    await harness.standalone.simulator.sendText(other, 'Bia', 'oi').acknowledged;
    const burst = await Promise.all(Array.from({ length: 5 }, (_, i) => harness.graph(messages, textTo(i % 2 ? other : CITIZEN, `rajada ${i}`))));
    expect(burst.map((a) => a.json.error?.code ?? a.status).sort((x, y) => x - y)).toEqual([200, 200, 200, 130429, 130429]);
    rateClock.advance(1_000);
    expect((await harness.graph(messages, textTo(CITIZEN, 'um segundo depois'))).status).toBe(200);
    await harness.close();

    harness = await withOpenWindow({ pairBurst: 2, pairIntervalMs: 6_000, rateClock });
    const pair = [];
    for (let i = 0; i < 3; i += 1) pair.push(await harness.graph(messages, textTo(CITIZEN, `seguida ${i}`)));
    expect(pair.map((a) => a.json.error?.code ?? a.status)).toEqual([200, 200, 131056]);
    expect(pair[2]?.json.error?.message).toBe('(#131056) (Business Account, Consumer Account) pair rate limit hit');
    rateClock.advance(6_000);
    expect((await harness.graph(messages, textTo(CITIZEN, 'seis segundos depois'))).status).toBe(200);
    expect((await harness.graph(messages, textTo(CITIZEN, 'de novo'))).json.error?.code).toBe(131056);
  });

  it('injects failures: synchronous with the code\'s HTTP status, or as a later failed status', async () => {
    harness = await withOpenWindow();
    const simulator = harness.standalone.simulator;
    simulator.injectFailure(CITIZEN, { code: 131000, mode: 'sync' });
    const broken = await harness.graph(messages, textTo(CITIZEN, 'um'));
    expect(broken.status).toBe(500);
    expect(broken.json.error?.code).toBe(131000);
    expect((await harness.graph(messages, textTo(CITIZEN, 'dois'))).status).toBe(200);

    simulator.injectFailure(CITIZEN, { code: 131026, mode: 'async' });
    const accepted = await harness.graph(messages, textTo(CITIZEN, 'três', { biz_opaque_callback_data: 'cb-3' }));
    expect(accepted.status).toBe(200);
    const failed = await harness.receiver.waitForStatus(accepted.json.messages?.[0]?.id ?? '', 'failed');
    expect(failed).toMatchObject({ biz_opaque_callback_data: 'cb-3', errors: [{ code: 131026 }] });
  });

  it('accepts a template to a number that never used the simulator, then reports it failed with 131026', async () => {
    harness = await startHarness({ templates: [{ name: 'aviso', language: 'pt_BR', bodyParameters: 0 }] });
    const answer = await harness.graph(messages, { ...template('aviso', 'pt_BR', []), to: '5563999990000' });
    expect(answer.status).toBe(200);
    const failed = await harness.receiver.waitForStatus(answer.json.messages?.[0]?.id ?? '', 'failed');
    expect(failed.errors?.[0]?.code).toBe(131026);
    const webhook = harness.receiver.received.find((w) => w.value.statuses?.[0]?.status === 'failed');
    expect(webhook?.value.contacts).toBeUndefined();
  });

  it('works with the app\'s own GraphClient: send, mark read with typing, and classified errors', async () => {
    harness = await withOpenWindow();
    const client = new GraphClient({ baseUrl: () => harness.standalone.graphUrl, version: 'v23.0', phoneNumberId: PHONE_NUMBER_ID, accessToken: TOKEN });
    const inbound = harness.standalone.simulator.conversation(CITIZEN)?.messages[0];
    const typing = new Promise((resolve) => harness.standalone.simulator.events.once('typing', resolve));
    await client.markRead(inbound?.id ?? '', true);
    await expect(typing).resolves.toMatchObject({ phone: CITIZEN });
    expect(harness.standalone.simulator.conversation(CITIZEN)?.messages[0]?.status).toBe('read');

    const { wamid } = await client.sendMessage(CITIZEN, { type: 'text', text: { body: 'Olá!' } }, 'cb-1');
    expect(wamid).toMatch(/^wamid\./);
    harness.clock.advance(24 * 60 * 60 * 1000);
    const error = await client.sendMessage(CITIZEN, { type: 'text', text: { body: 'tarde demais' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).code).toBe(131047);
  });
});
