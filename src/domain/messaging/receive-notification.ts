import type { Db, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { isDeliveryStatus } from '../../storage/repositories/outbox.repository.js';
import { recordBroadcastStatuses } from '../broadcasts/record-statuses.js';
import { applyTemplateEvents, type TemplateChange } from '../templates/status-events.js';
import { outboxIdFromCallback } from './callback-data.js';
import { JOB, type ProcessInboundPayload } from './job-kinds.js';
import type { InboundMessage, ParsedNotification } from './notification.js';
import { countSentMessages } from '../reports/index.js';

export interface IntakeResult {
  accepted: number;
  duplicates: number;
  statuses: number;
  kept: number;
  /** Templates whose status or category Meta changed. */
  templateChanges: TemplateChange[];
}

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

/**
 * Stores everything notifications carry in one transaction: new messages with a processing job each
 * (grouped by citizen so they run in order), delivery statuses, and the rest kept raw. Once this commits the
 * webhooks may be acknowledged: nothing in them can be lost any more. Messages of the whole batch go in one
 * insert, so a busy webhook costs a few statements per batch rather than per message.
 */
export const receiveNotifications = async (db: Db, repos: Repositories, notifications: ParsedNotification[], now: number, timezone: string): Promise<IntakeResult[]> =>
  db.transaction().execute(async (tx) => {
    const inserted = await storeMessages(tx, repos, notifications.flatMap((n) => n.messages), now);
    const results: IntakeResult[] = [];
    for (const parsed of notifications) {
      const accepted = parsed.messages.filter((m) => inserted.delete(m.wamid)).length;
      results.push({
        accepted,
        duplicates: parsed.messages.length - accepted,
        statuses: await storeStatuses(tx, repos, parsed, now, timezone),
        kept: parsed.kept.length,
        templateChanges: await applyTemplateEvents(tx, repos, parsed.kept, now),
      });
      for (const change of parsed.kept) await repos.webhookEvents.keep(tx, change.field, change.payload, now);
    }
    await recordBroadcastStatuses(tx, repos, notifications.flatMap((n) => n.statuses), now);
    return results;
  });

/** Inserts new messages and their jobs; returns the wamids that were new (redeliveries are left out). */
const storeMessages = async (tx: Tx, repos: Repositories, messages: InboundMessage[], now: number): Promise<Set<string>> => {
  if (messages.length === 0) return new Set();
  const inserted = await repos.inbound.insertManyIfNew(
    tx,
    messages.map((m) => ({ wamid: m.wamid, citizenKey: m.citizenKey, phoneNumberId: m.phoneNumberId, type: m.type, sentAt: m.sentAt, payload: storedPayload(m) })),
    now,
  );
  const fresh = new Set(inserted);
  const jobs = messages
    .filter((m, index) => fresh.has(m.wamid) && messages.findIndex((other) => other.wamid === m.wamid) === index)
    .map((m) => ({ kind: JOB.processInbound, groupKey: m.citizenKey, payload: { wamid: m.wamid } satisfies ProcessInboundPayload }));
  await repos.jobs.enqueueMany(tx, jobs, now);
  return fresh;
};

const storeStatuses = async (tx: Tx, repos: Repositories, parsed: ParsedNotification, now: number, timezone: string): Promise<number> => {
  let applied = 0;
  let accepted = 0;
  for (const status of parsed.statuses) {
    const isNew = await repos.statuses.insertIfNew(tx, { ...status, errorCode: status.errorCode ?? null, payload: status.raw });
    if (!isNew || !isDeliveryStatus(status.status)) continue;
    if (await repos.outbox.applyDelivery(tx, status.wamid, status.status, status.errorCode ?? null, outboxIdFromCallback(status.callbackData), now)) accepted += 1;
    applied += 1;
  }
  // Sends whose status came before the dispatcher recorded them are counted here, once.
  await countSentMessages(tx, repos, accepted, now, timezone);
  return applied;
};
