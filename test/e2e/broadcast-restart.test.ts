import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatorServer, type StandaloneSimulator } from '../../src/channels/simulator/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import { cityProfileAt, optedInCitizens, prepareBroadcastDatabase } from '../support/broadcasts.js';
import { dialects, type TestDatabase } from '../support/databases.js';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { CSRF_HEADERS } from '../support/test-app.js';

const SECRET = 'restart-test-secret';
const TOKEN = 'restart-token';
const PHONE_NUMBER_ID = '106540352242922';
const ADMIN = { email: 'admin@palmas.to.gov.br', password: 'senha-de-teste-123' };
const RECIPIENTS = optedInCitizens(1500, 3000);

let server: ServerProcess | undefined;
let simulator: StandaloneSimulator | undefined;
let database: TestDatabase | undefined;

afterEach(async () => {
  await server?.kill('SIGKILL');
  await simulator?.close();
  await database?.drop();
});

const api = async (method: string, path: string, cookie: string, body?: unknown) => {
  const response = await fetch(`${server!.url}${path}`, { method, headers: { ...CSRF_HEADERS, cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
};

const eventually = async (check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.each(dialects)('a server killed in the middle of a broadcast, on $name', ({ create }) => {
  it('sends every recipient exactly one message after a restart', async () => {
    database = await create();
    await prepareBroadcastDatabase(database.url, RECIPIENTS);
    const port = await freePort();
    simulator = await startSimulatorServer({
      appSecret: SECRET, phoneNumberId: PHONE_NUMBER_ID, displayPhoneNumber: '556332127500', accessToken: TOKEN,
      webhookUrl: () => `http://127.0.0.1:${port}/webhooks/whatsapp`,
      clock: systemClock, logger: createLogger('silent'), maxMps: 300,
      templates: [{ name: 'aviso_defesa_civil', language: 'pt_BR', bodyParameters: 1 }],
      // Statuses for the dead server are retried soon and often, as Meta does for days.
      webhook: { delaysMs: [200, 500, 1_000], maxWindowMs: 120_000 },
    });
    for (const { key } of RECIPIENTS) simulator.simulator.addCitizen(key);
    const received = new Map<string, number>();
    simulator.simulator.events.on('outbound', ({ phone }) => received.set(phone, (received.get(phone) ?? 0) + 1));
    const env = {
      DATABASE_URL: database.url, WHATSAPP_GRAPH_URL: simulator.graphUrl, WHATSAPP_ACCESS_TOKEN: TOKEN, WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_APP_SECRET: SECRET, WHATSAPP_MAX_MPS: '300', WHATSAPP_UNCERTAIN_GRACE_MS: '8000', CITY_CONFIG: cityProfileAt(12),
      ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password,
    };
    server = await startServerProcess(env, port);
    const { cookie } = await api('POST', '/api/auth/login', '', ADMIN);
    const created = await api('POST', '/api/broadcasts', cookie, { title: 'Alerta de chuva', template: { name: 'aviso_defesa_civil', language: 'pt_BR', parameters: ['chuva forte'] }, audience: {} });
    expect(created.status).toBe(201);

    await eventually(() => received.size >= 400, 30_000);
    server.child.kill('SIGKILL');
    await server.kill();
    const beforeRestart = received.size;
    expect(beforeRestart).toBeLessThan(RECIPIENTS.length);

    server = await startServerProcess(env, port);
    const { cookie: again } = await api('POST', '/api/auth/login', '', ADMIN);
    // Generous: on a loaded CI machine the restarted server shares two cores with the rest of the suite.
    await eventually(async () => (await api('GET', `/api/broadcasts/${String(created.body.id)}`, again)).body.status === 'done', 180_000);
    // Late status webhooks settle the figures; give them a moment.
    await eventually(async () => (await api('GET', `/api/broadcasts/${String(created.body.id)}`, again)).body.sent === RECIPIENTS.length, 10_000);
    expect(received.size).toBe(RECIPIENTS.length);
    expect([...received.values()].filter((n) => n !== 1)).toEqual([]);
    expect((await api('GET', `/api/broadcasts/${String(created.body.id)}`, again)).body).toMatchObject({ total: RECIPIENTS.length, sent: RECIPIENTS.length, failed: 0 });
  }, 300_000);
});
