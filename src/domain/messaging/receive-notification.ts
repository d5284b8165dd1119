import type { Db, Executor, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { isDeliveryStatus } from '../../storage/repositories/outbox.repository.js';
import type { DeliveryStatus } from '../../storage/schema.js';
import { recordBroadcastStatuses } from '../broadcasts/record-statuses.js';
import { applyTemplateEvents, type TemplateChange } from '../templates/status-events.js';
import { outboxIdFromCallback } from './callback-data.js';
import { JOB } from './job-kinds.js';
import type { InboundMessage, ParsedNotification, StatusEvent } from './notification.js';
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
 * Stores everything notifications carry, atomically: new messages with a processing job each (grouped by citizen so
 * they run in order), delivery statuses, and the rest kept raw. Once this commits the webhooks may be acknowledged:
 * nothing in them can be lost any more. Messages of the whole batch go in one statement, so a busy webhook costs a
 * few statements per batch rather than per message; a batch of messages only (the usual case) needs no
 * transaction of its own.
 */
export const receiveNotifications = async (db: Db, repos: Repositories, notifications: ParsedNotification[], now: number, timezone: string): Promise<IntakeResult[]> => {
  if (notifications.every((n) => n.statuses.length === 0 && n.kept.length === 0)) {
    return resultsOf(notifications, await storeMessages(db, repos, notifications, now));
  }
  return db.transaction().execute(async (tx) => {
    const results = resultsOf(notifications, await storeMessages(tx, repos, notifications, now));
    const applied = await storeStatuses(tx, repos, notifications.flatMap((n) => n.statuses), now, timezone);
    for (const [i, parsed] of notifications.entries()) {
      const result = results[i]!;
      result.statuses = parsed.statuses.filter((s) => applied.has(s)).length;
      result.templateChanges = await applyTemplateEvents(tx, repos, parsed.kept, now);
      for (const change of parsed.kept) await repos.webhookEvents.keep(tx, change.field, change.payload, now);
    }
    await recordBroadcastStatuses(tx, repos, notifications.flatMap((n) => n.statuses), now);
    return results;
  });
};

/** Inserts new messages and their jobs; returns the wamids that were new (redeliveries are left out). */
const storeMessages = async (db: Executor, repos: Repositories, notifications: ParsedNotification[], now: number): Promise<Set<string>> => {
  const messages = notifications.flatMap((n) => n.messages);
  const rows = messages.map((m) => ({ wamid: m.wamid, citizenKey: m.citizenKey, phoneNumberId: m.phoneNumberId, type: m.type, sentAt: m.sentAt, payload: storedPayload(m) }));
  return new Set(await repos.inbound.insertManyWithJobs(db, rows, JOB.processInbound, now));
};

/** What each notification brought: its new messages counted once (the first notification carrying a wamid has it). */
const resultsOf = (notifications: ParsedNotification[], inserted: Set<string>): IntakeResult[] =>
  notifications.map((parsed) => {
    const accepted = parsed.messages.filter((m) => inserted.delete(m.wamid)).length;
    return { accepted, duplicates: parsed.messages.length - accepted, statuses: 0, kept: parsed.kept.length, templateChanges: [] };
  });

/**
 * Records the batch's statuses (each once) and applies the new delivery statuses to their messages, all together;
 * returns the statuses applied.
 */
const storeStatuses = async (tx: Tx, repos: Repositories, statuses: StatusEvent[], now: number, timezone: string): Promise<Set<StatusEvent>> => {
  const isNew = await repos.statuses.insertManyIfNew(tx, statuses.map((s) => ({ ...s, errorCode: s.errorCode ?? null, payload: s.raw })));
  const deliveries = statuses.filter((s, i): s is StatusEvent & { status: DeliveryStatus } => isNew[i] === true && isDeliveryStatus(s.status));
  const accepted = await repos.outbox.applyDeliveries(tx, deliveries.map((s) => ({ wamid: s.wamid, status: s.status, errorCode: s.errorCode ?? null, outboxId: outboxIdFromCallback(s.callbackData) })), now);
  // Sends whose status came before the dispatcher recorded them are counted here, once.
  await countSentMessages(tx, repos, accepted, now, timezone);
  return new Set(deliveries);
};
