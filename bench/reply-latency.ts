import { HttpTransport } from '../src/channels/whatsapp-cloud/http-transport.js';
import { startBenchServer } from './bench-server.js';
import { signedTextNotification } from './notifications.js';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Reply latency at a steady rate: from the moment our webhook acknowledged a citizen's message to the moment
 * the Graph API received the bot's reply. Each citizen writes once, so every reply maps to one message.
 */
export const benchReplyLatency = async (): Promise<void> => {
  // 200 messages/s needs the upgraded throughput tier; the default 80 would queue replies by design.
  const { server, graph, stop } = await startBenchServer({ WHATSAPP_MAX_MPS: '1000' });
  const ackedAt = new Map<string, number>();
  const total = RATE * DURATION_S;
  const started = performance.now();
  const inflight: Array<Promise<void>> = [];
  // A keep-alive node:http client: fetch would cost the load generator more CPU than the server under test.
  const transport = new HttpTransport();
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const from = `556399${String(i).padStart(7, '0')}`;
    const { body, signature } = signedTextNotification(`wamid.LAT${i}`, from);
    inflight.push(
      transport
        .request(`${server.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body, timeoutMs: 30_000 })
        .then((response) => {
          if (response.status === 200) ackedAt.set(from, Date.now());
        }),
    );
  }
  await Promise.all(inflight);
  transport.close();
  await graph.waitForSends(ackedAt.size, 60_000).catch(() => undefined);
  const firstReply = new Map<string, number>();
  for (const call of graph.sends()) if (!firstReply.has(String(call.body.to))) firstReply.set(String(call.body.to), call.at);
  const latencies = [...ackedAt].flatMap(([from, at]) => (firstReply.has(from) ? [firstReply.get(from)! - at] : [])).sort((a, b) => a - b);
  const rss = await stop();
  console.log('\n## Reply latency (acknowledgement → Graph API), steady %d messages/s for %d s', RATE, DURATION_S);
  console.log('answered %d of %d acknowledged; p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (goal p99 ≤ 100 ms)%s',
    latencies.length, ackedAt.size, percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), latencies.at(-1) ?? NaN,
    rss ? `; server peak RSS ${rss.toFixed(0)} MiB` : '');
};
