import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { fromRoot } from '../src/platform/paths.js';
import type { TestDatabase } from '../test/support/databases.js';
import { freePort } from '../test/support/server-process.js';
import { SQLITE_ONE, startBenchServer, type Deployment } from './bench-server.js';
import { BENCH_SECRET, signedTextNotification } from './notifications.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
export const INTAKE_CONNECTIONS = 32;

export interface IntakeResult {
  perSecond: number;
  p99Ms: number;
  errors: number;
  /** Peak resident memory of the server(s), summed over instances. */
  rss?: number | undefined;
}

/** Hammers a webhook URL with distinct signed notifications; returns acknowledged notifications per second. */
const hammer = async (url: string, citizens = 5_000): Promise<IntakeResult> => {
  let counter = 0;
  const result = await autocannon({
    url: `${url}/webhooks/whatsapp`,
    connections: INTAKE_CONNECTIONS,
    duration: DURATION_S,
    requests: [{
      method: 'POST',
      setupRequest: (request) => {
        counter += 1;
        const { body, signature } = signedTextNotification(`wamid.BENCH${process.pid}x${Date.now()}x${counter}`, `556398${String(counter % citizens).padStart(7, '0')}`);
        return { ...request, body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } };
      },
    }],
  });
  return { perSecond: result.requests.average, p99Ms: result.latency.p99, errors: result.non2xx + result.errors };
};

/** The yardstick: a bare node:http endpoint (HMAC + JSON.parse) in its own process, hammered the same way. */
export const measureBare = async (): Promise<IntakeResult> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('bench', 'bare-endpoint.ts')], {
    env: { ...process.env, PORT: String(port), WHATSAPP_APP_SECRET: BENCH_SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  try {
    return await hammer(`http://127.0.0.1:${port}`);
  } finally {
    child.kill();
  }
};

/** Intake of the real server (or cluster) in a role, on a fresh database or on `database` (kept). */
export const measureIntake = async (role: 'web' | 'all', deployment: Deployment = SQLITE_ONE, database?: TestDatabase): Promise<IntakeResult> => {
  const bench = await startBenchServer({ deployment, env: { WHATSAPP_MAX_MPS: '1000', PROCESS_ROLE: role }, ...(database ? { database } : {}) });
  const result = await hammer(bench.url);
  return { ...result, rss: await bench.stop() };
};

export const benchIntake = async (): Promise<void> => {
  const bareResult = await measureBare();
  console.log('\n## Webhook intake (distinct signed text notifications, %d connections, %d s each)', INTAKE_CONNECTIONS, DURATION_S);
  console.log('bare node:http (HMAC + JSON.parse only, stores nothing): %s notifications/s, p99 %d ms', bareResult.perSecond.toFixed(0), bareResult.p99Ms);
  // The intake tier alone (PROCESS_ROLE=web, as in a split deployment), then one process doing everything.
  for (const role of (process.env.BENCH_ROLES ?? 'web,all').split(',') as Array<'web' | 'all'>) {
    const ours = await measureIntake(role);
    console.log('Whats Palmas on SQLite, PROCESS_ROLE=%s (verify, parse, commit, then ack%s): %s notifications/s, p99 %d ms, errors %d → %s × bare (goal ≥ 0.5)%s',
      role, role === 'all' ? '; the same process answers every message' : '', ours.perSecond.toFixed(0), ours.p99Ms, ours.errors,
      (ours.perSecond / bareResult.perSecond).toFixed(2), ours.rss ? `; peak RSS ${ours.rss.toFixed(0)} MiB` : '');
  }
};
