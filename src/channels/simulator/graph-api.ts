import type { EventEmitter } from 'node:events';
import type { Clock } from '../../platform/clock.js';
import { findLimitViolation } from './check-limits.js';
import type { Delivery } from './delivery.js';
import { chatError, graphError, type GraphResult } from './graph-error.js';
import { digitsOf, newWamid } from './ids.js';
import type { MediaStore } from './media-store.js';
import { describeIssue, markReadSchema, sendMessageSchema, withDefaultType, type SendMessageRequest } from './send-request.schema.js';
import type { SendLimiters } from './send-limiters.js';
import type { TemplateRegistry } from './template-registry.js';
import type { OutboundChatMessage, Pricing, SimulatorEventMap, SimulatorTemplate } from './types.js';
import type { Sender } from './webhook-payloads.js';
import type { Citizen, World } from './world.js';

export interface GraphApiDeps {
  phoneNumberId: string;
  displayPhoneNumber: string;
  accessToken: string;
  mediaUrl: (mediaId: string) => string;
  world: World;
  templates: TemplateRegistry;
  limiters: SendLimiters;
  media: MediaStore;
  delivery: Delivery;
  clock: Clock;
  events: EventEmitter<SimulatorEventMap>;
}

const TYPING_MS = 25_000;

const pricingFor = (request: SendMessageRequest, template: SimulatorTemplate | undefined, windowOpen: boolean): Pricing => {
  if (request.type !== 'template' || !template) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  }
  const category = (template.category ?? 'UTILITY').toLowerCase() as Pricing['category'];
  if (windowOpen && category === 'utility') return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category };
  return { billable: true, pricing_model: 'PMP', type: 'regular', category };
};

const isBsuid = (to: string): boolean => /^[A-Za-z]{2,}\./.test(to);

/** The message as the citizen's phone gets it: the request without routing fields. */
const contentOf = (request: SendMessageRequest): Record<string, unknown> => {
  const { messaging_product: _product, recipient_type: _type, to: _to, biz_opaque_callback_data: _data, ...content } = request;
  return content;
};

/** Fake Graph API behaviour (WHATSAPP.md §3, §5, §7): checks in Meta's spirit, then hands over to Delivery. */
export class GraphApi {
  constructor(private readonly deps: GraphApiDeps) {}

  /** The bearer token must be exactly the configured one (header, or Graph's `access_token` query). */
  authorized(authorization: string | undefined, queryToken?: string): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '');
    const token = match?.[1] ?? queryToken;
    return token !== undefined && token !== '' && token === this.deps.accessToken;
  }

  unknownNumber(phoneNumberId: string): GraphResult | undefined {
    return phoneNumberId === this.deps.phoneNumberId
      ? undefined
      : graphError(100, `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`);
  }

  messages(phoneNumberId: string, body: unknown): GraphResult {
    const wrongNumber = this.unknownNumber(phoneNumberId);
    if (wrongNumber) return wrongNumber;
    if (body && typeof body === 'object' && 'status' in body) return this.markRead(body);
    const parsed = sendMessageSchema.safeParse(withDefaultType(body));
    if (!parsed.success) return graphError(100, describeIssue(parsed.error));
    return this.send(parsed.data);
  }

  private markRead(body: unknown): GraphResult {
    const parsed = markReadSchema.safeParse(body);
    if (!parsed.success) return graphError(100, describeIssue(parsed.error));
    const found = this.deps.world.findMessage(parsed.data.message_id);
    if (found && found.message.direction === 'in') {
      const { citizen } = found;
      const upTo = citizen.messages.indexOf(found.message);
      for (const message of citizen.messages.slice(0, upTo + 1)) {
        if (message.direction !== 'in' || message.status === 'read' || message.status === 'failed') continue;
        message.status = 'read';
        this.deps.events.emit('update', { phone: citizen.phone, message });
      }
      if (parsed.data.typing_indicator) {
        this.deps.events.emit('typing', { phone: citizen.phone, until: this.deps.clock.now().getTime() + TYPING_MS });
      }
    }
    return { status: 200, body: { success: true } };
  }

  private refuse(phone: string, code: number, details?: string): GraphResult {
    const result = graphError(code, details);
    const error = (result.body as { error: { error_data: { details: string } } }).error;
    this.deps.events.emit('rejected', { phone, code, details: error.error_data.details });
    return result;
  }

  private send(request: SendMessageRequest): GraphResult {
    const bsuid = isBsuid(request.to);
    const digits = bsuid ? '' : digitsOf(request.to);
    if (!bsuid && (digits.length < 8 || digits.length > 15)) return graphError(100, `Parameter 'to' is not a valid phone number or BSUID`);
    if (digits === digitsOf(this.deps.displayPhoneNumber)) return graphError(131021, 'Recipient cannot be the sender');
    const violation = findLimitViolation(request);
    const phone = digits || request.to;
    if (violation) return this.refuse(phone, 131009, violation);

    const citizen = this.deps.world.recipient(request.to);
    const injected = this.deps.world.takeFailure(request.to, citizen, 'sync');
    if (injected) return this.refuse(phone, injected.code, injected.details);

    const now = this.deps.clock.now().getTime();
    const windowOpen = citizen !== undefined && this.deps.world.windowOpen(citizen, now);
    let template: SimulatorTemplate | undefined;
    if (request.type === 'template') {
      const check = this.deps.templates.check(request.template);
      if (!check.ok) return this.refuse(phone, check.code, check.details);
      template = check.template;
    } else if (!windowOpen) {
      return this.refuse(phone, 131047);
    }

    const limited = this.deps.limiters.check(citizen?.phone ?? phone);
    if (limited) return this.refuse(phone, limited);
    this.deps.limiters.record(citizen?.phone ?? phone);

    const message: OutboundChatMessage = {
      direction: 'out',
      id: newWamid(phone),
      type: request.type,
      timestamp: now,
      status: 'accepted',
      message: contentOf(request),
      pricing: pricingFor(request, template, windowOpen),
      ...(request.biz_opaque_callback_data !== undefined ? { callbackData: request.biz_opaque_callback_data } : {}),
    };
    this.afterAcceptance(request, message, citizen, this.deps.world.takeFailure(request.to, citizen, 'async'), template);
    return { status: 200, body: this.acceptedBody(request, message, citizen, bsuid) };
  }

  private afterAcceptance(
    request: SendMessageRequest,
    message: OutboundChatMessage,
    citizen: Citizen | undefined,
    injected: { code: number; details?: string } | undefined,
    template: SimulatorTemplate | undefined,
  ): void {
    const unknown: Sender = { phone: digitsOf(request.to), name: '', userId: isBsuid(request.to) ? request.to : '', usernameMode: isBsuid(request.to) };
    if (!citizen) return this.deps.delivery.fail(unknown, message, chatError(131026));
    if (injected) return this.deps.delivery.fail(citizen, message, chatError(injected.code, injected.details));
    if (template?.category === 'MARKETING' && citizen.marketingOptOut) return this.deps.delivery.fail(citizen, message, chatError(131050));
    const mediaId = this.mediaIdOf(request);
    if (mediaId !== undefined && !this.deps.media.get(mediaId)) {
      return this.deps.delivery.fail(citizen, message, chatError(131053, `media id ${mediaId} was not found`));
    }
    this.deps.delivery.deliver(citizen, message);
  }

  private mediaIdOf(request: SendMessageRequest): string | undefined {
    switch (request.type) {
      case 'image':
        return request.image.id;
      case 'audio':
        return request.audio.id;
      case 'video':
        return request.video.id;
      case 'document':
        return request.document.id;
      case 'sticker':
        return request.sticker.id;
      default:
        return undefined;
    }
  }

  private acceptedBody(request: SendMessageRequest, message: OutboundChatMessage, citizen: Citizen | undefined, bsuid: boolean) {
    const contact = bsuid
      ? { input: request.to, wa_id: citizen && !citizen.usernameMode ? citizen.phone : '', user_id: request.to }
      : { input: request.to, wa_id: citizen?.phone ?? digitsOf(request.to) };
    return {
      messaging_product: 'whatsapp',
      contacts: [contact],
      messages: [{ id: message.id, ...(request.type === 'template' ? { message_status: 'accepted' } : {}) }],
    };
  }

  /** `GET /{id}`: the business phone number's node, or a media object's. */
  node(id: string): GraphResult {
    if (id !== this.deps.phoneNumberId) return this.mediaInfo(id);
    return { status: 200, body: { id, display_phone_number: this.deps.displayPhoneNumber, verified_name: 'Prefeitura (simulador)', quality_rating: 'GREEN' } };
  }

  mediaInfo(mediaId: string): GraphResult {
    const media = this.deps.media.get(mediaId);
    if (!media) return graphError(100, `Unsupported get request. Object with ID '${mediaId}' does not exist.`);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        url: this.deps.mediaUrl(media.id),
        mime_type: media.mimeType,
        sha256: media.sha256,
        file_size: String(media.bytes.length),
        id: media.id,
      },
    };
  }

  upload(phoneNumberId: string, file: { bytes: Buffer; mimeType: string; filename?: string } | string): GraphResult {
    const wrongNumber = this.unknownNumber(phoneNumberId);
    if (wrongNumber) return wrongNumber;
    if (typeof file === 'string') return graphError(100, file);
    if (file.bytes.length === 0) return graphError(131053, 'the uploaded file is empty');
    const media = this.deps.media.save(file.bytes, file.mimeType, file.filename);
    return { status: 200, body: { id: media.id } };
  }

  deleteMedia(mediaId: string): GraphResult {
    return this.deps.media.delete(mediaId)
      ? { status: 200, body: { success: true } }
      : graphError(100, `Unsupported delete request. Object with ID '${mediaId}' does not exist.`);
  }
}
