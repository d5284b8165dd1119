import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
  at: number;
}

export interface ScriptedResponse {
  status: number;
  body: unknown;
  /** Answer after this many ms (or never, to simulate a hung connection). */
  delayMs?: number;
}

/**
 * A Graph API stand-in whose answers a test scripts one by one; by default every send is accepted.
 * The faithful fake (rules, webhooks) is the simulator; this one exists to force each error class.
 */
export class ScriptedGraph {
  readonly calls: RecordedCall[] = [];
  private readonly script: ScriptedResponse[] = [];
  private server: Server | undefined;
  private counter = 0;
  private waiters: Array<() => void> = [];
  url = '';

  /** While set, every send gets this answer (Meta down), whatever is scripted. */
  outage: ScriptedResponse | undefined;

  /** While true, every call is refused as Meta refuses an invalid access token (190). */
  tokenRefused = false;

  failNext(code: number, status = 400, times = 1): void {
    for (let i = 0; i < times; i += 1) this.script.push({ status, body: { error: { message: `(#${code}) scripted`, type: 'OAuthException', code, error_data: { details: `scripted ${code}` } } } });
  }

  respondNext(response: ScriptedResponse): void {
    this.script.push(response);
  }

  sends(): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages') && c.body.status !== 'read');
  }

  async waitForSends(count: number, timeoutMs = 10_000, to?: string): Promise<RecordedCall[]> {
    const matching = () => this.sends().filter((c) => to === undefined || c.body.to === to);
    const deadline = Date.now() + timeoutMs;
    while (matching().length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} sends, got ${matching().length}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return matching();
  }

  private async handle(request: IncomingMessage): Promise<ScriptedResponse> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    this.calls.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization, body, at: Date.now() });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    if (this.tokenRefused) return { status: 401, body: { error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } } };
    if (body.status === 'read') return { status: 200, body: { success: true } };
    if (this.outage && request.method === 'POST') return this.outage;
    const scripted = request.method === 'POST' ? this.script.shift() : undefined;
    if (scripted) return scripted;
    this.counter += 1;
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.SCRIPTED${this.counter}` }] } };
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request).then((answer) => {
        if (answer.delayMs === Infinity) return;
        setTimeout(() => {
          response.writeHead(answer.status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(answer.body));
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Cuts every open connection, as a network failure would. */
  dropConnections(): void {
    this.server?.closeAllConnections();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
