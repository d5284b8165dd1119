import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { fromRoot } from '../src/platform/paths.js';
import { freePort } from '../test/support/server-process.js';
import { startBenchServer } from './bench-server.js';
import { BENCH_SECRET, signedTextNotification } from './notifications.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 32;

/** Hammers a webhook URL with distinct signed notifications; returns acknowledged notifications per second. */
const hammer = async (url: string, citizens = 5_000): Promise<{ perSecond: number; p99Ms: number; errors: number }> => {
  let counter = 0;
  const result = await autocannon({
    url: `${url}/webhooks/whatsapp`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        counter += 1;
        const { body, signature } = signedTextNotification(`wamid.BENCH${process.pid}x${counter}`, `556398${String(counter % citizens).padStart(7, '0')}`);
        return { ...request, body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
      },
    }],
  });
  return { perSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.non2xx + result.errors };
};

const startBare = async (): Promise<{ url: string; stop: () => void }> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('bench', 'bare-endpoint.ts')], {
    env: { ...process.env, PORT: String(port), WHATSAPP_APP_SECRET: BENCH_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
};

export const benchIntake = async (): Promise<void> => {
  const bare = await startBare();
  const bareResult = await hammer(bare.url);
  bare.stop();

  console.log('\n## Webhook intake (distinct signed text notifications, %d connections, %d s each)', CONNECTIONS, DURATION_S);
  console.log('bare node:http (HMAC + JSON.parse only, stores nothing): %s notifications/s, p99 %d ms', bareResult.perSecond.toFixed(0), bareResult.p99Ms);
  // The intake tier alone (PROCESS_ROLE=web, as in a split deployment), then one process doing everything.
  for (const role of (process.env.BENCH_ROLES ?? 'web,all').split(',') as Array<'web' | 'all'>) {
    const ours = await measureServer(role);
    console.log('Whats Palmas on SQLite, PROCESS_ROLE=%s (verify, parse, commit, then ack%s): %s notifications/s, p99 %d ms, errors %d → %s × bare (goal ≥ 0.5)%s',
      role, role === 'all' ? '; the same process answers every message' : '', ours.perSecond.toFixed(0), ours.p99Ms, ours.errors,
      (ours.perSecond / bareResult.perSecond).toFixed(2), ours.rss ? `; peak RSS ${ours.rss.toFixed(0)} MiB` : '');
  }
};

const measureServer = async (role: 'web' | 'all') => {
  const bench = await startBenchServer({ WHATSAPP_MAX_MPS: '1000', PROCESS_ROLE: role });
  const result = await hammer(bench.server.url);
  return { ...result, rss: await bench.stop() };
};
