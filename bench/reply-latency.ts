import { SQLITE_ONE, startBenchServer, type Deployment } from './bench-server.js';
import { postAtRate } from './load.js';
import { percentile } from './stats.js';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
/** How long to wait for the replies of a configuration that fell behind. */
const DRAIN_MS = Number(process.env.BENCH_DRAIN_S ?? 60) * 1000;

export interface ReplyLatency {
  rate: number;
  offered: number;
  acked: number;
  answered: number;
  /** Acknowledged notifications per second over the sending window. */
  ackedPerSecond: number;
  /** Replies the Graph API received per second, from the first post to the last reply. */
  answeredPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rss?: number | undefined;
}

/**
 * Reply latency at a steady rate: from the moment a citizen's message was posted to the webhook to the moment the
 * Graph API received the bot's reply (acknowledged messages only). Each citizen writes once, so every reply maps to
 * one message.
 */
export const measureReplyLatency = async (rate: number, deployment: Deployment = SQLITE_ONE): Promise<ReplyLatency> => {
  // 200 messages/s and more need the upgraded throughput tier; the default 80 would queue replies by design.
  const bench = await startBenchServer({ deployment, env: { WHATSAPP_MAX_MPS: String(Math.max(1000, rate)) } });
  const offered = rate * DURATION_S;
  const run = await postAtRate(bench.url, Array.from({ length: offered }, (_, i) => ({ wamid: `wamid.LAT${i}`, from: `556399${String(i).padStart(7, '0')}` })), rate);
  await bench.graph.waitForSends(run.ackedAt.size, DRAIN_MS).catch(() => undefined);
  const firstReply = new Map<string, number>();
  for (const call of bench.graph.sends()) if (!firstReply.has(String(call.body.to))) firstReply.set(String(call.body.to), call.at);
  const latencies = [...run.ackedAt.keys()].flatMap((from) => (firstReply.has(from) ? [firstReply.get(from)! - run.sentAt.get(from)!] : [])).sort((a, b) => a - b);
  const firstSent = Math.min(...run.sentAt.values());
  const lastReply = Math.max(...firstReply.values());
  return {
    rate, offered, acked: run.ackedAt.size, answered: latencies.length,
    ackedPerSecond: run.ackedAt.size / run.seconds,
    answeredPerSecond: latencies.length / Math.max(0.001, (lastReply - firstSent) / 1000),
    p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN,
    rss: await bench.stop(),
  };
};

export const benchReplyLatency = async (): Promise<void> => {
  const result = await measureReplyLatency(Number(process.env.BENCH_RATE ?? 200));
  console.log('\n## Reply latency (webhook POST → Graph API), steady %d messages/s for %d s', result.rate, DURATION_S);
  console.log('answered %d of %d acknowledged; p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (goal p99 ≤ 100 ms)%s',
    result.answered, result.acked, result.p50, result.p90, result.p99, result.max,
    result.rss ? `; server peak RSS ${result.rss.toFixed(0)} MiB` : '');
};
