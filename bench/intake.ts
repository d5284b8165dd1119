import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { fromRoot } from '../src/platform/paths.js';
import type { TestDatabase } from '../test/support/databases.js';
import { freePort } from '../test/support/server-process.js';
import { plainScript } from './built-server.js';
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

let bareScript: string | undefined;
const bareEndpoint = (): string => (bareScript ??= plainScript(fromRoot('bench', 'bare-endpoint.ts')));

/** The yardstick: a bare node:http endpoint (HMAC + JSON.parse) in its own process, hammered the same way. */
export const measureBare = async (): Promise<IntakeResult> => {
  const port = await freePort();
  const child = spawn(process.execPath, [bareEndpoint()], {
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

const INTAKE_ROUNDS = Number(process.env.BENCH_INTAKE_ROUNDS ?? 3);

export interface IntakeAgainstBare {
  /** The pair with the median ratio. */
  bare: IntakeResult;
  ours: IntakeResult;
  ratio: number;
  /** Every pair's ratio, ascending. */
  ratios: number[];
}

/**
 * The bare endpoint and our intake measured in turns, `rounds` pairs, each pair back to back. On this shared
 * 2-core machine the bare figure is bound by the load generator, whose speed drifts from minute to minute: two
 * single runs minutes apart gave ratios from 0.34 to 0.61 × for the same build. The pair with the median ratio
 * is reported, with the range.
 */
export const measureIntakeAgainstBare = async (deployment: Deployment = SQLITE_ONE, rounds = INTAKE_ROUNDS): Promise<IntakeAgainstBare> => {
  const pairs: Array<{ bare: IntakeResult; ours: IntakeResult; ratio: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    const bare = await measureBare();
    const ours = await measureIntake('web', deployment);
    pairs.push({ bare, ours, ratio: ours.perSecond / bare.perSecond });
  }
  pairs.sort((a, b) => a.ratio - b.ratio);
  const median = pairs[Math.floor(pairs.length / 2)]!;
  return { ...median, ratios: pairs.map((p) => p.ratio) };
};

export const benchIntake = async (): Promise<void> => {
  console.log('\n## Webhook intake (distinct signed text notifications, %d connections, %d s each)', INTAKE_CONNECTIONS, DURATION_S);
  // The intake tier alone (PROCESS_ROLE=web, as in a split deployment), in turns with the bare endpoint.
  const paired = await measureIntakeAgainstBare();
  console.log('bare node:http (HMAC + JSON.parse only, stores nothing): %s notifications/s, p99 %d ms', paired.bare.perSecond.toFixed(0), paired.bare.p99Ms);
  console.log('Whats Palmas on SQLite, PROCESS_ROLE=web (verify, parse, commit, then ack): %s notifications/s, p99 %d ms, errors %d → %s × bare (goal ≥ 0.5; median of %d pairs: %s)%s',
    paired.ours.perSecond.toFixed(0), paired.ours.p99Ms, paired.ours.errors, paired.ratio.toFixed(2), paired.ratios.length, paired.ratios.map((r) => r.toFixed(2)).join(' / '),
    paired.ours.rss ? `; peak RSS ${paired.ours.rss.toFixed(0)} MiB` : '');
  // Then one process doing everything: it also answers every message.
  const all = await measureIntake('all');
  console.log('Whats Palmas on SQLite, PROCESS_ROLE=all (the same process answers every message): %s notifications/s, p99 %d ms, errors %d → %s × the bare figure above%s',
    all.perSecond.toFixed(0), all.p99Ms, all.errors, (all.perSecond / paired.bare.perSecond).toFixed(2), all.rss ? `; peak RSS ${all.rss.toFixed(0)} MiB` : '');
};
