import type { ScriptedGraph } from '../test/support/scripted-graph.js';
import { SQLITE_ONE, startBenchServer, type Deployment } from './bench-server.js';
import { postAtRate } from './load.js';
import { currentRssMiB } from './machine.js';
import { progress } from './stats.js';

/** The numbers of active conversations at which memory is read (BENCH_MEMORY_CITIZENS, default "1000,5000"). */
const CHECKPOINTS = (process.env.BENCH_MEMORY_CITIZENS ?? '1000,5000').split(',').map(Number);
const RATE = Number(process.env.BENCH_MEMORY_RATE ?? 500);
const WARM_UP = 200;
const SETTLE_MS = 120_000;

export interface MemoryResult {
  /** Resident memory of the server(s), summed over instances, with this many conversations open. */
  points: Array<{ citizens: number; rssMiB: number }>;
  /** Growth per 1,000 open conversations between the first and last checkpoint. */
  perThousandMiB: number;
  failed: number;
}

/** Waits for at least `min` replies, then until no new one came for a second. */
const settle = async (graph: ScriptedGraph, min: number): Promise<void> => {
  await graph.waitForSends(min, SETTLE_MS).catch(() => undefined);
  for (let seen = -1; seen !== graph.sends().length; ) {
    seen = graph.sends().length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
};

const citizen = (i: number): string => `556397${String(i).padStart(7, '0')}`;

/**
 * Memory per 1,000 active conversations: citizens write a request in free text (the bot asks for consent and keeps
 * the request pending), then accept (the bot asks their name): each is left mid-registration with a request waiting.
 * The server's resident memory is read at each checkpoint after the replies have settled.
 */
export const measureMemory = async (deployment: Deployment = SQLITE_ONE): Promise<MemoryResult> => {
  const bench = await startBenchServer({ deployment, env: { WHATSAPP_MAX_MPS: '1000', PROCESS_ROLE: 'all' } });
  const points: MemoryResult['points'] = [];
  let failed = 0;
  try {
    let open = 0;
    for (const target of [WARM_UP, ...CHECKPOINTS]) {
      const fresh = Array.from({ length: target - open }, (_, k) => citizen(open + k));
      const first = await postAtRate(bench.url, fresh.map((from) => ({ wamid: `wamid.MEM${from}a`, from })), RATE);
      await settle(bench.graph, target);
      const second = await postAtRate(bench.url, fresh.map((from) => ({ wamid: `wamid.MEM${from}b`, from, text: 'sim' })), RATE);
      await settle(bench.graph, 2 * target);
      failed += first.failed + second.failed;
      open = target;
      const rss = await Promise.all(bench.pids.map((pid) => currentRssMiB(pid)));
      if (target !== WARM_UP) points.push({ citizens: target, rssMiB: rss.reduce<number>((sum, v) => sum + (v ?? NaN), 0) });
      progress(`memory ${deployment.engine}·${deployment.instances}: ${target} conversations open, RSS ${rss.map((v) => v?.toFixed(0)).join('+')} MiB`);
    }
  } finally {
    await bench.stop();
  }
  const [low, high] = [points[0], points.at(-1)];
  const perThousandMiB = low && high && high.citizens > low.citizens ? ((high.rssMiB - low.rssMiB) * 1000) / (high.citizens - low.citizens) : NaN;
  return { points, perThousandMiB, failed };
};
