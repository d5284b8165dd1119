import { HttpTransport } from '../src/channels/whatsapp-cloud/http-transport.js';
import { signedTextNotification } from './notifications.js';

export interface Outgoing {
  wamid: string;
  from: string;
  text?: string;
}

export interface PacedRun {
  /** When each sender's notification was posted (Date.now()). */
  sentAt: Map<string, number>;
  /** When each sender's notification was acknowledged with 200 (Date.now()). */
  ackedAt: Map<string, number>;
  /** Notifications not answered 200 (refused, timed out, 5xx). */
  failed: number;
  /** From the first send to the last acknowledgement. */
  seconds: number;
}

/**
 * Posts signed notifications at a steady rate, whatever the server's pace (an open loop, as Meta delivers): a server
 * that cannot keep up shows as a lower acknowledged rate and growing latency, not as a slower generator.
 */
export const postAtRate = async (url: string, messages: Outgoing[], rate: number): Promise<PacedRun> => {
  const sentAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  let failed = 0;
  const started = performance.now();
  const inflight: Array<Promise<void>> = [];
  // A keep-alive node:http client: fetch would cost the load generator more CPU than the server under test.
  const transport = new HttpTransport();
  for (const [i, message] of messages.entries()) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { body, signature } = signedTextNotification(message.wamid, message.from, message.text);
    sentAt.set(message.from, Date.now());
    inflight.push(
      transport
        .request(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body, timeoutMs: 30_000 })
        .then((response) => {
          if (response.status === 200) ackedAt.set(message.from, Date.now());
          else failed += 1;
        }, () => void (failed += 1)),
    );
  }
  await Promise.all(inflight);
  transport.close();
  return { sentAt, ackedAt, failed, seconds: (performance.now() - started) / 1000 };
};
