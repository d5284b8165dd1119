import type { Db, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { isDeliveryStatus } from '../../storage/repositories/outbox.repository.js';
import { JOB, type ProcessInboundPayload } from './job-kinds.js';
import { outboxIdFromCallback } from './callback-data.js';
import type { InboundMessage, ParsedNotification } from './notification.js';

export interface IntakeResult {
  accepted: number;
  duplicates: number;
  statuses: number;
  kept: number;
}

/**
 * Stores everything notifications carry in one transaction: new messages with a processing job each
 * (grouped by citizen so they run in order), delivery statuses, and the rest kept raw. Once this commits the
 * webhooks may be acknowledged: nothing in them can be lost any more.
 */
/** What is kept of an inbound message: the content the engine reads, and Meta's original for the record. */
export interface StoredInboundPayload {
  content: InboundMessage['content'];
  waId: string;
  userId: string | null;
  profileName: string | null;
  raw: InboundMessage['raw'];
}

const storedPayload = (m: InboundMessage): StoredInboundPayload => ({
  content: m.content,
  waId: m.waId,
  userId: m.userId ?? null,
  profileName: m.profileName ?? null,
  raw: m.raw,
});

export const receiveNotifications = async (db: Db, repos: Repositories, notifications: ParsedNotification[], now: number): Promise<IntakeResult[]> =>
  db.transaction().execute(async (tx) => {
    const results: IntakeResult[] = [];
    for (const parsed of notifications) results.push(await storeNotification(tx, repos, parsed, now));
    return results;
  });

const storeNotification = async (tx: Tx, repos: Repositories, parsed: ParsedNotification, now: number): Promise<IntakeResult> => {
  const result: IntakeResult = { accepted: 0, duplicates: 0, statuses: 0, kept: 0 };
  for (const message of parsed.messages) {
    const isNew = await repos.inbound.insertIfNew(
      tx,
      { wamid: message.wamid, citizenKey: message.citizenKey, phoneNumberId: message.phoneNumberId, type: message.type, sentAt: message.sentAt, payload: storedPayload(message) },
      now,
    );
    if (!isNew) {
      result.duplicates += 1;
      continue;
    }
    const payload: ProcessInboundPayload = { wamid: message.wamid };
    await repos.jobs.enqueue(tx, { kind: JOB.processInbound, groupKey: message.citizenKey, payload }, now);
    result.accepted += 1;
  }
  for (const status of parsed.statuses) {
    const isNew = await repos.statuses.insertIfNew(tx, { ...status, errorCode: status.errorCode ?? null, payload: status.raw });
    if (!isNew || !isDeliveryStatus(status.status)) continue;
    await repos.outbox.applyDelivery(tx, status.wamid, status.status, status.errorCode ?? null, outboxIdFromCallback(status.callbackData), now);
    result.statuses += 1;
  }
  for (const change of parsed.kept) await repos.webhookEvents.keep(tx, change.field, change.payload, now);
  result.kept = parsed.kept.length;
  return result;
};
