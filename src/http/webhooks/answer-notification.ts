import { notificationSchema } from '../../channels/whatsapp-cloud/notification.schema.js';
import { parseNotification } from '../../channels/whatsapp-cloud/parse-notification.js';
import { isValidSignature } from '../../channels/whatsapp-cloud/signature.js';
import type { ParsedNotification } from '../../domain/messaging/notification.js';
import type { IntakeResult } from '../../domain/messaging/receive-notification.js';
import type { Metrics } from '../../platform/metrics.js';
import { errorBody } from '../error-body.js';

export interface NotificationDeps {
  appSecret: string | undefined;
  /** Stores a notification durably; resolves once it is committed. */
  intake: (notification: ParsedNotification) => Promise<IntakeResult>;
  metrics: Metrics;
  /** Called after new messages were committed, so workers pick them up at once. */
  onAccepted: () => void;
}

/** What a webhook POST is answered: Meta's "EVENT_RECEIVED" as text, or an error body. */
export interface WebhookAnswer {
  status: number;
  body: string | ReturnType<typeof errorBody>;
  retryAfterSeconds?: number;
}

/** The log lines a webhook may write: the request's logger under Fastify, the server's on the direct route. */
export interface WebhookLog {
  warn(details: object, message: string): void;
  warn(message: string): void;
  error(details: object, message: string): void;
}

const refused = (status: number, code: string, message: string): WebhookAnswer => ({ status, body: errorBody(code, message) });

/**
 * Verifies, validates and stores one webhook POST, whichever HTTP stack received it: `raw` is the exact bytes (the
 * signature covers them), `body` their JSON. Only a committed notification is acknowledged with 200.
 */
export const answerNotification = async (deps: NotificationDeps, raw: Buffer, body: unknown, signature: string | undefined, log: WebhookLog): Promise<WebhookAnswer> => {
  if (deps.appSecret && !isValidSignature(deps.appSecret, raw, signature)) {
    deps.metrics.webhookRequests.inc({ outcome: 'bad_signature' });
    log.warn({ bytes: raw.length }, 'webhook refused: missing or wrong X-Hub-Signature-256');
    return refused(401, 'invalid_signature', 'Invalid signature');
  }
  const envelope = notificationSchema.safeParse(body);
  if (!envelope.success) {
    deps.metrics.webhookRequests.inc({ outcome: 'not_a_notification' });
    log.warn('webhook refused: body is not a notification');
    return refused(400, 'not_a_notification', 'Body is not a WhatsApp notification');
  }
  const parsed = parseNotification(envelope.data);
  let result: IntakeResult;
  try {
    result = await deps.intake(parsed);
  } catch (error) {
    // Not stored, so not acknowledged: Meta retries a non-200 for days, and we lose nothing (disk full, database away).
    deps.metrics.webhookRequests.inc({ outcome: 'store_failed' });
    log.error({ err: error }, 'webhook not stored; answering 503 so that Meta delivers it again');
    return { ...refused(503, 'unavailable', 'Could not store the notification; retry later'), retryAfterSeconds: 5 };
  }
  recordAccepted(deps, parsed, result, log);
  return { status: 200, body: 'EVENT_RECEIVED' };
};

const recordAccepted = (deps: NotificationDeps, parsed: ParsedNotification, result: IntakeResult, log: WebhookLog): void => {
  deps.metrics.webhookRequests.inc({ outcome: 'accepted' });
  for (const message of parsed.messages) deps.metrics.inboundMessages.inc({ type: message.type });
  if (result.duplicates > 0) deps.metrics.inboundDuplicates.inc(result.duplicates);
  for (const status of parsed.statuses) deps.metrics.statuses.inc({ status: status.status });
  for (const change of result.templateChanges.filter((c) => c.blocked)) {
    log.warn({ template: change.name, language: change.language, status: change.status, reason: change.reason }, 'WhatsApp template can no longer be sent');
  }
  if (result.accepted > 0) deps.onAccepted();
};
