import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorBody } from './error-body.js';
import { INVALID_JSON, parseJsonBody } from './json-body.js';

export type DirectHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * POST routes answered by node:http directly, ahead of Fastify. The WhatsApp webhook, which Meta calls thousands of
 * times a minute, is one: Fastify's request cycle was a seventh of the intake server's CPU per notification (72
 * against 83 µs on SQLite, docs/performance.md). A direct route matches its exact address only; with a query
 * string, or under `inject`, the same path goes to its Fastify route, which must answer the same way.
 */
export class DirectRoutes {
  private readonly posts = new Map<string, DirectHandler>();
  private closing = false;

  post(path: string, handler: DirectHandler): void {
    this.posts.set(path, handler);
  }

  /** From now on direct routes answer 503 and close the connection, as Fastify's routes do while the server closes. */
  refuseFromNow(): void {
    this.closing = true;
  }

  /** For Fastify's `serverFactory`: the node:http server, direct routes first, with Fastify's timeouts. */
  readonly serverFactory = (fastifyHandler: DirectHandler, options: Record<string, unknown>): Server => {
    const server = createServer((request, response) => {
      const direct = request.method === 'POST' ? this.posts.get(request.url ?? '') : undefined;
      if (!direct) return fastifyHandler(request, response);
      if (this.closing) return sendJson(response, 503, errorBody('closing', 'Service closing; retry later'), { connection: 'close' });
      direct(request, response);
    });
    applyTimeouts(server, options);
    return server;
  };
}

const applyTimeouts = (server: Server, options: Record<string, unknown>): void => {
  const number = (key: string) => (typeof options[key] === 'number' ? options[key] : undefined);
  server.keepAliveTimeout = number('keepAliveTimeout') ?? server.keepAliveTimeout;
  server.requestTimeout = number('requestTimeout') ?? server.requestTimeout;
  server.setTimeout(number('connectionTimeout') ?? 0);
  const perSocket = number('maxRequestsPerSocket');
  if (perSocket && perSocket > 0) server.maxRequestsPerSocket = perSocket;
};

export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
};

export const sendText = (response: ServerResponse, status: number, text: string): void => {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
};

export interface JsonPost {
  /** The exact bytes received. */
  raw: Buffer;
  body: unknown;
}

/**
 * Reads a JSON POST body as Fastify's parser would: more than `limit` bytes is 413, another content type 415,
 * invalid JSON 400 (each answered here, resolving `undefined`). A client that goes away resolves `undefined` too.
 */
export const readJsonPost = (request: IncomingMessage, response: ServerResponse, limit: number): Promise<JsonPost | undefined> =>
  new Promise((resolve) => {
    const refuse = (status: number, code: string, message: string) => {
      sendJson(response, status, errorBody(code, message), { connection: 'close' });
      request.resume();
      resolve(undefined);
    };
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return refuse(415, 'unsupported_media_type', 'Envie o corpo como application/json.');
    const tooLarge = () => refuse(413, 'body_too_large', 'O corpo da requisição é grande demais.');
    if (Number(request.headers['content-length'] ?? 0) > limit) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      tooLarge();
    };
    request.on('data', onData);
    request.on('error', () => resolve(undefined));
    request.on('end', () => {
      if (size > limit) return;
      const raw = Buffer.concat(chunks, size);
      try {
        resolve({ raw, body: parseJsonBody(raw) });
      } catch {
        refuse(400, INVALID_JSON.code, INVALID_JSON.message);
      }
    });
  });
