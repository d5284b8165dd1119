import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Bodies are read whole so a request can go to the next instance when one refuses the connection. */
const MAX_BODY = 4 * 1024 * 1024;
const HEALTH_EVERY_MS = 2_000;

interface Upstream {
  url: URL;
  healthy: boolean;
  served: number;
}

export interface RoundRobinProxy {
  url: string;
  /** Requests each instance answered, in the order the instances were given. */
  served(): number[];
  close(): Promise<void>;
}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) request.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

/** Sends one request to one instance and streams its answer back (server-sent events included). */
const forward = (upstream: Upstream, request: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> =>
  new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      new URL(request.url ?? '/', upstream.url),
      {
        method: request.method,
        headers: { ...request.headers, host: upstream.url.host, 'x-forwarded-for': request.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' },
      },
      (answer) => {
        upstream.served += 1;
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('end', resolve);
        answer.on('error', resolve);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });

/**
 * A small load balancer for a cluster on one machine: each request goes to the next healthy instance in turn (no
 * stickiness: sessions, queues and live events are shared through PostgreSQL and Redis), and to the one after when
 * an instance refuses the connection. Instances are checked on `/readyz` every two seconds. For production, put
 * nginx or the cloud's balancer in front (see docs/operations.md); this one is for trying and testing a cluster.
 */
export const startRoundRobinProxy = async (instanceUrls: readonly string[], port: number, host = '127.0.0.1'): Promise<RoundRobinProxy> => {
  const upstreams: Upstream[] = instanceUrls.map((url) => ({ url: new URL(url), healthy: true, served: 0 }));
  let next = 0;
  const candidates = (): Upstream[] => {
    const start = next++ % upstreams.length;
    const ordered = [...upstreams.slice(start), ...upstreams.slice(0, start)];
    return [...ordered.filter((u) => u.healthy), ...ordered.filter((u) => !u.healthy)];
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      for (const upstream of candidates()) {
        try {
          await forward(upstream, request, body, response);
          return;
        } catch {
          upstream.healthy = false;
        }
      }
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end('Nenhuma instância respondeu.');
    })().catch(() => {
      if (!response.headersSent) response.writeHead(400).end();
      else response.end();
    });
  });

  const check = async () => {
    for (const upstream of upstreams) {
      upstream.healthy = await fetch(new URL('/readyz', upstream.url), { signal: AbortSignal.timeout(1_500) }).then((r) => r.ok, () => false);
    }
  };
  const timer = setInterval(() => void check(), HEALTH_EVERY_MS);
  timer.unref();

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${listening}`,
    served: () => upstreams.map((u) => u.served),
    close: () =>
      new Promise((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
