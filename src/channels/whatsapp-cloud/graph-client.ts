import { GraphError, GraphUnreachableError } from './graph-errors.js';
import type { OutboundMessage } from './outbound-message.js';

export interface GraphClientOptions {
  /** Resolved on every call: in simulator mode the base URL is known only once the server listens. */
  baseUrl: () => string;
  version: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
}

export interface MediaInfo {
  url: string;
  mimeType: string;
  sha256: string | undefined;
  fileSize: number | undefined;
}

interface GraphErrorBody {
  error?: { code?: number; message?: string; error_data?: { details?: string } };
}

/** A thin typed client over the Graph API calls we need; every error carries Meta's code. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  private url(path: string): string {
    return `${this.options.baseUrl()}/${this.options.version}/${path}`;
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${this.options.accessToken}`, ...init.headers },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new GraphUnreachableError(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  private async json<T>(response: Response): Promise<T> {
    const body = (await response.json().catch(() => ({}))) as T & GraphErrorBody;
    if (response.ok && !body.error) return body;
    const code = body.error?.code ?? (response.status >= 500 ? 131000 : 100);
    const detail = body.error?.error_data?.details ?? body.error?.message ?? response.statusText;
    throw new GraphError(code, response.status, detail);
  }

  async sendMessage(to: string, message: OutboundMessage, callbackData?: string): Promise<{ wamid: string }> {
    const response = await this.request(this.url(`${this.options.phoneNumberId}/messages`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        ...message,
        ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
      }),
    });
    const body = await this.json<{ messages?: Array<{ id: string }> }>(response);
    const wamid = body.messages?.[0]?.id;
    if (!wamid) throw new GraphError(131000, response.status, 'response without a message id');
    return { wamid };
  }

  /** Marks an inbound message (and earlier ones) as read, optionally showing "typing…" for up to 25 s. */
  async markRead(wamid: string, typing: boolean): Promise<void> {
    const response = await this.request(this.url(`${this.options.phoneNumberId}/messages`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: wamid,
        ...(typing ? { typing_indicator: { type: 'text' } } : {}),
      }),
    });
    await this.json(response);
  }

  async mediaInfo(mediaId: string): Promise<MediaInfo> {
    const response = await this.request(this.url(`${encodeURIComponent(mediaId)}?phone_number_id=${this.options.phoneNumberId}`), {});
    const body = await this.json<{ url: string; mime_type: string; sha256?: string; file_size?: string | number }>(response);
    return {
      url: body.url,
      mimeType: body.mime_type,
      sha256: body.sha256,
      fileSize: body.file_size === undefined ? undefined : Number(body.file_size),
    };
  }

  /** Downloads media bytes (the URL needs the same bearer token), refusing more than `maxBytes`. */
  async downloadMedia(url: string, maxBytes: number): Promise<Buffer> {
    const response = await this.request(url, {});
    if (!response.ok) throw new GraphError(131052, response.status, `media download failed with HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) throw new GraphError(131052, 413, `media of ${declared} bytes is over the limit`);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new GraphError(131052, 413, `media of ${bytes.length} bytes is over the limit`);
    return bytes;
  }
}
