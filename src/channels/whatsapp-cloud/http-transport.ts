import http from 'node:http';
import https from 'node:https';

export interface TransportResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface TransportRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes?: number;
}

/** Raised when no HTTP answer arrived (refused, reset, timed out): the request may or may not have been handled. */
export class TransportError extends Error {}

/**
 * A small keep-alive HTTP client for the Graph API. Node's fetch costs several times more CPU per call, and every
 * citizen message makes two Graph calls (mark as read, reply), so this is on the hot path.
 */
export class HttpTransport {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };

  request(url: string, options: TransportRequest): Promise<TransportResponse> {
    const target = new URL(url);
    const isHttps = target.protocol === 'https:';
    const send = isHttps ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const request = send(target, {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(options.body ? { 'content-length': Buffer.byteLength(options.body).toString() } : {}) },
        agent: this.agents[isHttps ? 'https:' : 'http:'],
        timeout: options.timeoutMs,
      });
      request.on('timeout', () => request.destroy(new TransportError(`no answer within ${options.timeoutMs} ms`)));
      request.on('error', (error) => reject(error instanceof TransportError ? error : new TransportError(error.message)));
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (options.maxBytes !== undefined && size > options.maxBytes) {
            response.destroy();
            resolve({ status: 413, headers: response.headers, body: Buffer.alloc(0) });
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', (error) => reject(new TransportError(error.message)));
      });
      request.end(options.body);
    });
  }

  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }
}
