import type { FastifyInstance } from 'fastify';
import { notificationSchema } from '../../channels/whatsapp-cloud/notification.schema.js';
import { parseNotification } from '../../channels/whatsapp-cloud/parse-notification.js';
import { isValidSignature } from '../../channels/whatsapp-cloud/signature.js';
import type { ParsedNotification } from '../../domain/messaging/notification.js';
import type { IntakeResult } from '../../domain/messaging/receive-notification.js';
import type { Metrics } from '../../platform/metrics.js';

export interface WebhookRouteDeps {
  verifyToken: string | undefined;
  appSecret: string | undefined;
  /** Stores a notification durably; resolves once it is committed. */
  intake: (notification: ParsedNotification) => Promise<IntakeResult>;
  metrics: Metrics;
  /** Called after new messages were committed, so workers pick them up at once. */
  onAccepted: () => void;
}

export const registerWhatsAppWebhookRoutes = (app: FastifyInstance, deps: WebhookRouteDeps): void => {
  app.get('/webhooks/whatsapp', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const tokenMatches = deps.verifyToken !== undefined && query['hub.verify_token'] === deps.verifyToken;
    if (query['hub.mode'] !== 'subscribe' || !tokenMatches) {
      request.log.warn('webhook verification refused: wrong mode or verify token');
      return reply.status(403).type('text/plain').send('Forbidden');
    }
    return reply.status(200).type('text/plain').send(query['hub.challenge'] ?? '');
  });

  app.post('/webhooks/whatsapp', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.rawBody ?? Buffer.alloc(0);
    if (deps.appSecret && !isValidSignature(deps.appSecret, raw, request.headers['x-hub-signature-256'] as string | undefined)) {
      deps.metrics.webhookRequests.inc({ outcome: 'bad_signature' });
      request.log.warn({ bytes: raw.length }, 'webhook refused: missing or wrong X-Hub-Signature-256');
      return reply.status(401).send({ error: { code: 'invalid_signature', message: 'Invalid signature' } });
    }
    const envelope = notificationSchema.safeParse(request.body);
    if (!envelope.success) {
      deps.metrics.webhookRequests.inc({ outcome: 'not_a_notification' });
      request.log.warn('webhook refused: body is not a notification');
      return reply.status(400).send({ error: { code: 'not_a_notification', message: 'Body is not a WhatsApp notification' } });
    }
    const parsed = parseNotification(envelope.data);
    let result: IntakeResult;
    try {
      result = await deps.intake(parsed);
    } catch (error) {
      // Not stored, so not acknowledged: Meta retries a non-200 for days, and we lose nothing (disk full, database away).
      deps.metrics.webhookRequests.inc({ outcome: 'store_failed' });
      request.log.error({ err: error }, 'webhook not stored; answering 503 so that Meta delivers it again');
      return reply.status(503).header('retry-after', '5').send({ error: { code: 'unavailable', message: 'Could not store the notification; retry later' } });
    }
    deps.metrics.webhookRequests.inc({ outcome: 'accepted' });
    for (const message of parsed.messages) deps.metrics.inboundMessages.inc({ type: message.type });
    if (result.duplicates > 0) deps.metrics.inboundDuplicates.inc(result.duplicates);
    for (const status of parsed.statuses) deps.metrics.statuses.inc({ status: status.status });
    for (const change of result.templateChanges.filter((c) => c.blocked)) {
      request.log.warn({ template: change.name, language: change.language, status: change.status, reason: change.reason }, 'WhatsApp template can no longer be sent');
    }
    if (result.accepted > 0) deps.onAccepted();
    return reply.status(200).type('text/plain').send('EVENT_RECEIVED');
  });
};
