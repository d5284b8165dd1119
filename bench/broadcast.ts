import { startSimulatorServer } from '../src/channels/simulator/index.js';
import { bootstrapAdmin } from '../src/domain/attendants/users.js';
import { systemClock } from '../src/platform/clock.js';
import { createLogger } from '../src/platform/logger.js';
import { openStorage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { createRepositories } from '../src/storage/repositories/index.js';
import { approvedTemplate, cityProfileAt, optedInCitizens, seedCitizens } from '../test/support/broadcasts.js';
import { freePort } from '../test/support/server-process.js';
import { SQLITE_ONE, createDatabase, startBenchServer, type Deployment } from './bench-server.js';
import { currentRssMiB } from './machine.js';
import { BENCH_PHONE_NUMBER_ID, BENCH_SECRET } from './notifications.js';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const MAX_MPS = Number(process.env.BENCH_MAX_MPS ?? 1_000);
const TOKEN = 'bench-token';
const ADMIN = { email: 'bench@palmas.to.gov.br', password: 'senha-do-bench-123' };

/** Messages in the busiest one-second window, sliding (any start) and by whole seconds from the first message. */
const busiest = (times: Float64Array): { sliding: number; wholeSeconds: number } => {
  let sliding = 0;
  for (let start = 0, end = 0; end < times.length; end += 1) {
    while (times[end]! - times[start]! >= 1000) start += 1;
    sliding = Math.max(sliding, end - start + 1);
  }
  return { sliding, wholeSeconds: Math.max(...perSecond(times)) };
};

const perSecond = (times: Float64Array): number[] => {
  const counts: number[] = [];
  for (const t of times) {
    const second = Math.floor((t - times[0]!) / 1000);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return counts;
};

const prepare = async (url: string, recipients: number): Promise<void> => {
  const storage = openStorage(url);
  await migrateToLatest(storage);
  await seedCitizens(storage.db, optedInCitizens(recipients));
  const repos = createRepositories(storage.dialect);
  await approvedTemplate(storage.db, repos, 'aviso_bench', 'Aviso da Prefeitura: {{1}}');
  // Created here, before any instance starts, so every column's server finds the same account.
  await bootstrapAdmin(storage.db, repos, ADMIN, Date.now());
  await storage.close();
};

const call = async (url: string, path: string, cookie: string, body: unknown) => {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'x-requested-with': 'whats-palmas', 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
  return { body: (await response.json()) as Record<string, unknown>, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
};

export interface BroadcastResult {
  recipients: number;
  maxMps: number;
  accepted: number;
  refused: number;
  seededS: number;
  firstMessageS: number;
  seconds: number;
  perSecond: number;
  sliding: number;
  wholeSeconds: number;
  rssAt: string[];
  series: number[];
  rss?: number | undefined;
}

/**
 * One broadcast to `recipients` opted-in citizens through the real server (or cluster), the simulator playing Meta
 * (accepting at `BENCH_MAX_MPS`, sending sent and delivered statuses back); rates are measured where Meta would see them.
 */
export const measureBroadcast = async (recipients: number, deployment: Deployment = SQLITE_ONE): Promise<BroadcastResult> => {
  const database = await createDatabase(deployment.engine);
  const seeding = performance.now();
  await prepare(database.url, recipients);
  const seededS = (performance.now() - seeding) / 1000;
  const port = await freePort();
  const simulator = await startSimulatorServer({
    appSecret: BENCH_SECRET, phoneNumberId: BENCH_PHONE_NUMBER_ID, displayPhoneNumber: '556332127500', accessToken: TOKEN,
    webhookUrl: () => `http://127.0.0.1:${port}/webhooks/whatsapp`, clock: systemClock, logger: createLogger('silent'), maxMps: MAX_MPS,
    templates: [{ name: 'aviso_bench', language: 'pt_BR', bodyParameters: 1 }],
    // Meta batches statuses under load; one webhook each would cost this 2-core machine more than the server under test.
    statusBatchMs: 50,
  });
  for (const { key } of optedInCitizens(recipients)) simulator.simulator.addCitizen(key);
  const accepted = new Float64Array(recipients);
  let count = 0;
  let refused = 0;
  simulator.simulator.events.on('outbound', () => (accepted[count++] = Date.now()));
  simulator.simulator.events.on('rejected', () => (refused += 1));
  const server = await startBenchServer({
    deployment, database, graphUrl: simulator.graphUrl, port,
    env: {
      WHATSAPP_ACCESS_TOKEN: TOKEN, WHATSAPP_MAX_MPS: String(MAX_MPS), CITY_CONFIG: cityProfileAt(12),
      ...(process.env.OUTBOX_CONCURRENCY ? { OUTBOX_CONCURRENCY: process.env.OUTBOX_CONCURRENCY } : {}),
    },
  }).catch(async (error: unknown) => {
    await simulator.close();
    await database.drop();
    throw error;
  });
  try {
    const { cookie } = await call(server.url, '/api/auth/login', '', ADMIN);
    const asked = performance.now();
    await call(server.url, '/api/broadcasts', cookie, { title: 'Bench', template: { name: 'aviso_bench', language: 'pt_BR', parameters: ['teste de carga'] }, audience: {} });
    const deadline = Date.now() + (recipients / MAX_MPS) * 3_000 + 60_000;
    // The servers' memory as the broadcast goes on: it should not grow with the recipients sent.
    const rssAt: string[] = [];
    for (let quarter = 1; count < recipients && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (count >= (recipients * quarter) / 4) {
        const now = await Promise.all(server.pids.map((pid) => currentRssMiB(pid)));
        rssAt.push(`${now.map((rss) => rss?.toFixed(0) ?? '?').join('+')} MiB at ${quarter * 25} %`);
        quarter += 1;
      }
    }
    const times = accepted.subarray(0, count);
    const seconds = (times[count - 1]! - times[0]!) / 1000;
    const measured = {
      recipients, maxMps: MAX_MPS, accepted: count, refused, seededS, seconds, perSecond: (count - 1) / seconds, rssAt, series: perSecond(times),
      firstMessageS: (times[0]! - Date.now() + performance.now() - asked) / 1000, ...busiest(times),
    };
    return { ...measured, rss: await server.stop() };
  } finally {
    await server.stop();
    await simulator.close();
    await database.drop();
  }
};

export const benchBroadcast = async (): Promise<void> => {
  const result = await measureBroadcast(RECIPIENTS);
  console.log('\n## Broadcast to %d opted-in citizens at WHATSAPP_MAX_MPS=%d (simulator as Meta, SQLite)', result.recipients, result.maxMps);
  console.log('seeded in %s s; first message %s s after the request (audience copied, first batch handed over)', result.seededS.toFixed(1), result.firstMessageS.toFixed(2));
  console.log('accepted %d of %d in %s s: %s messages/s = %s %% of the limit (goal ≥ 95 %%); refused by Meta %d',
    result.accepted, result.recipients, result.seconds.toFixed(1), result.perSecond.toFixed(0), ((result.perSecond / result.maxMps) * 100).toFixed(1), result.refused);
  console.log('busiest second: %d (sliding window), %d (whole seconds) — limit %d', result.sliding, result.wholeSeconds, result.maxMps);
  console.log('server RSS as the recipients were sent: %s; peak %s MiB', result.rssAt.join(', '), result.rss?.toFixed(0) ?? '?');
  if (process.env.BENCH_SERIES) console.log('messages per whole second: %s', result.series.join(' '));
};
