import { GraphError, GraphUnreachableError } from './graph-errors.js';
import { HttpTransport, TransportError, type TransportRequest, type TransportResponse } from './http-transport.js';
import { templatePageSchema } from './message-templates.js';
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
  private readonly transport = new HttpTransport();

  constructor(private readonly options: GraphClientOptions) {}

  close(): void {
    this.transport.close();
  }

  private url(path: string): string {
    return `${this.options.baseUrl()}/${this.options.version}/${path}`;
  }

  private async request(url: string, init: Omit<TransportRequest, 'timeoutMs'> = {}): Promise<TransportResponse> {
    try {
      return await this.transport.request(url, {
        ...init,
        headers: { authorization: `Bearer ${this.options.accessToken}`, ...init.headers },
        timeoutMs: this.options.timeoutMs ?? 15_000,
      });
    } catch (error) {
      throw new GraphUnreachableError(error instanceof TransportError ? error.message : String(error));
    }
  }

  private json<T>(response: TransportResponse): T {
    let body: T & GraphErrorBody;
    try {
      const parsed: unknown = JSON.parse(response.body.toString('utf8'));
      body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as T & GraphErrorBody;
    } catch {
      body = {} as T & GraphErrorBody;
    }
    const ok = response.status >= 200 && response.status < 300;
    if (ok && !body.error) return body;
    const code = body.error?.code ?? (response.status >= 500 ? 131000 : 100);
    const detail = body.error?.error_data?.details ?? body.error?.message ?? `HTTP ${response.status}`;
    throw new GraphError(code, response.status, detail);
  }

  private postMessages(body: Record<string, unknown>): Promise<TransportResponse> {
    return this.request(this.url(`${this.options.phoneNumberId}/messages`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', ...body }),
    });
  }

  async sendMessage(to: string, message: OutboundMessage, callbackData?: string): Promise<{ wamid: string }> {
    const response = await this.postMessages({
      recipient_type: 'individual',
      to,
      ...message,
      ...(callbackData ? { biz_opaque_callback_data: callbackData } : {}),
    });
    const body = this.json<{ messages?: Array<{ id: string }> }>(response);
    const wamid = body.messages?.[0]?.id;
    // A 2xx we cannot read (a proxy's page, a truncated body) may still mean Meta took the message.
    if (!wamid) throw new GraphUnreachableError(`HTTP ${response.status} answer without a message id`);
    return { wamid };
  }

  /** Marks an inbound message (and earlier ones) as read, optionally showing "typing…" for up to 25 s. */
  async markRead(wamid: string, typing: boolean): Promise<void> {
    const response = await this.postMessages({ status: 'read', message_id: wamid, ...(typing ? { typing_indicator: { type: 'text' } } : {}) });
    this.json(response);
  }

  /** The business phone number's node: a cheap call that succeeds only while the access token is accepted. */
  async phoneNumber(): Promise<{ id: string }> {
    return this.json<{ id: string }>(await this.request(this.url(`${this.options.phoneNumberId}?fields=id,display_phone_number`)));
  }

  async mediaInfo(mediaId: string): Promise<MediaInfo> {
    const response = await this.request(this.url(`${encodeURIComponent(mediaId)}?phone_number_id=${this.options.phoneNumberId}`));
    const body = this.json<{ url: string; mime_type: string; sha256?: string; file_size?: string | number }>(response);
    return {
      url: body.url,
      mimeType: body.mime_type,
      sha256: body.sha256,
      fileSize: body.file_size === undefined ? undefined : Number(body.file_size),
    };
  }

  /**
   * Every message template of the business account, following `paging.next` until the last page. Throws GraphError /
   * GraphUnreachableError like every call; nothing is returned unless every page was read.
   */
  async messageTemplates(businessAccountId: string): Promise<unknown[]> {
    const fields = 'id,name,language,status,category,components';
    let url: string | undefined = this.url(`${encodeURIComponent(businessAccountId)}/message_templates?fields=${fields}&limit=100`);
    const templates: unknown[] = [];
    while (url) {
      const page = templatePageSchema.safeParse(this.json(await this.request(url)));
      if (!page.success) throw new GraphError(131000, 200, 'template list without data');
      templates.push(...page.data.data);
      url = page.data.paging?.next;
    }
    return templates;
  }

  /** Downloads media bytes (the URL needs the same bearer token), refusing more than `maxBytes`. */
  async downloadMedia(url: string, maxBytes: number): Promise<Buffer> {
    const response = await this.request(url, { maxBytes });
    if (response.status === 413) throw new GraphError(131052, 413, `media over the limit of ${maxBytes} bytes`);
    if (response.status < 200 || response.status >= 300) throw new GraphError(131052, response.status, `media download failed with HTTP ${response.status}`);
    return response.body;
  }
}
