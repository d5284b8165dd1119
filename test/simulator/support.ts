import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { startSimulatorServer, type SimulatorOptions, type StandaloneSimulator } from '../../src/channels/simulator/index.js';
import { isValidSignature } from '../../src/channels/whatsapp-cloud/signature.js';
import { ManualClock } from '../../src/platform/clock.js';

export const SECRET = 'test-app-secret';
export const TOKEN = 'simulator-test-token';
export const PHONE_NUMBER_ID = '106540352242922';
export const DISPLAY_NUMBER = '556332127500';
export const CITIZEN = '5563991234567';

export interface StatusItem {
  id: string;
  status: string;
  timestamp: string;
  recipient_id: string;
  biz_opaque_callback_data?: string;
  pricing?: { billable: boolean; pricing_model: string; type: string; category: string };
  errors?: Array<{ code: number; title: string; error_data: { details: string } }>;
}

export interface ChangeValue {
  messaging_product: string;
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: Array<{ profile: { name: string }; wa_id: string; user_id?: string }>;
  messages?: Array<Record<string, unknown> & { id: string; from: string; type: string; timestamp: string }>;
  statuses?: StatusItem[];
  user_preferences?: Array<{ wa_id: string; value: string; category: string; timestamp: number }>;
}

export interface Notification {
  object: string;
  entry: Array<{ id: string; changes: Array<{ field: string; value: ChangeValue }> }>;
}

export interface ReceivedWebhook {
  raw: Buffer;
  signature: string | undefined;
  validSignature: boolean;
  body: Notification;
  value: ChangeValue;
  field: string;
}

/**
 * A stand-in for the app's webhook endpoint: records every POST with its raw bytes and checks the
 * signature. `answer` decides the HTTP status of the n-th request (1-based); default 200.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  attempts = 0;
  answer: (attempt: number, raw: Buffer) => number = () => 200;
  private server: Server | undefined;
  private listeners = new Set<() => void>();
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.attempts += 1;
        const raw = Buffer.concat(chunks);
        const status = this.answer(this.attempts, raw);
        if (status === 200) {
          const signature = request.headers['x-hub-signature-256'] as string | undefined;
          const body = JSON.parse(raw.toString('utf8')) as Notification;
          const change = body.entry[0]?.changes[0];
          if (!change) throw new Error('notification without a change');
          this.received.push({ raw, signature, validSignature: isValidSignature(SECRET, raw, signature), body, value: change.value, field: change.field });
          for (const listener of this.listeners) listener();
        }
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'EVENT_RECEIVED' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/whatsapp`;
    return this;
  }

  /** Resolves with the first recorded webhook (already received or to come) that matches. */
  waitFor(predicate: (webhook: ReceivedWebhook) => boolean, timeoutMs = 5_000): Promise<ReceivedWebhook> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.find(predicate);
        if (found) {
          this.listeners.delete(listener);
          clearTimeout(timer);
          resolve(found);
        }
        return Boolean(found);
      };
      const listener = (): void => void check();
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error('expected webhook did not arrive'));
      }, timeoutMs);
      this.listeners.add(listener);
      check();
    });
  }

  statuses(wamid?: string): StatusItem[] {
    return this.received.flatMap((w) => w.value.statuses ?? []).filter((s) => wamid === undefined || s.id === wamid);
  }

  waitForStatus(wamid: string, status: string, timeoutMs = 5_000): Promise<StatusItem> {
    return this.waitFor((w) => (w.value.statuses ?? []).some((s) => s.id === wamid && s.status === status), timeoutMs).then(
      () => this.statuses(wamid).find((s) => s.status === status) as StatusItem,
    );
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export interface Harness {
  receiver: WebhookReceiver;
  clock: ManualClock;
  standalone: StandaloneSimulator;
  /** POST a JSON body to `${graph}/v23.0/${path}` with the right token unless `token` says otherwise. */
  graph(path: string, body?: unknown, init?: { method?: string; token?: string | null }): Promise<{ status: number; json: GraphBody }>;
  close(): Promise<void>;
}

export interface GraphBody {
  messaging_product?: string;
  contacts?: Array<{ input: string; wa_id: string }>;
  messages?: Array<{ id: string; message_status?: string }>;
  success?: boolean;
  id?: string;
  url?: string;
  mime_type?: string;
  sha256?: string;
  file_size?: string;
  error?: { message: string; type: string; code: number; error_data: { messaging_product: string; details: string }; fbtrace_id: string };
}

export const startHarness = async (overrides: Partial<Omit<SimulatorOptions, 'publicBaseUrl'>> = {}): Promise<Harness> => {
  const receiver = await new WebhookReceiver().start();
  const clock = new ManualClock('2026-03-02T12:00:00Z');
  const standalone = await startSimulatorServer({
    appSecret: SECRET,
    phoneNumberId: PHONE_NUMBER_ID,
    displayPhoneNumber: DISPLAY_NUMBER,
    accessToken: TOKEN,
    webhookUrl: () => receiver.url,
    clock,
    logger: pino({ level: 'silent' }),
    statusDelayMs: 1,
    webhook: { delaysMs: [100, 200], maxWindowMs: 5_000, timeoutMs: 2_000 },
    ...overrides,
  });
  return {
    receiver,
    clock,
    standalone,
    async graph(path, body, init = {}) {
      const token = init.token === undefined ? TOKEN : init.token;
      const response = await fetch(`${standalone.graphUrl}/v23.0/${path}`, {
        method: init.method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, json: (await response.json()) as GraphBody };
    },
    async close() {
      await standalone.close();
      await receiver.close();
    },
  };
};

export const textTo = (to: string, body: string, extra: Record<string, unknown> = {}) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { preview_url: false, body },
  ...extra,
});

export const buttonsTo = (to: string, buttons: Array<{ id: string; title: string }>, body = 'Escolha uma opção') => ({
  messaging_product: 'whatsapp',
  to,
  type: 'interactive',
  interactive: { type: 'button', body: { text: body }, action: { buttons: buttons.map((reply) => ({ type: 'reply', reply })) } },
});
