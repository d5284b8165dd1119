import { greet, initialGreetingState, type GreetingState } from '../../conversation/greeting.js';
import type { Reply } from '../../conversation/reply.js';
import type { Translate } from '../../platform/i18n.js';
import type { Db, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { JOB, type StoreMediaPayload } from './job-kinds.js';
import type { StoredInboundPayload } from './receive-notification.js';

export interface InboundHandlingDeps {
  db: Db;
  repos: Repositories;
  t: Translate;
  /** Turns a reply into the channel's message bodies (WhatsApp: within Meta's limits). */
  render: (reply: Reply) => object[];
}

/**
 * Runs one inbound message through the conversation: the citizen's record, the new conversation state, the
 * replies (as outbox rows) and the job's completion are committed together, so a crash re-runs it whole or not at all.
 */
export const handleInboundMessage = async (
  deps: InboundHandlingDeps,
  wamid: string,
  now: number,
  complete: (tx: Tx) => Promise<void>,
): Promise<{ replies: number }> => {
  const { repos } = deps;
  return deps.db.transaction().execute(async (tx) => {
    const inbound = await repos.inbound.byWamid(tx, wamid);
    if (!inbound || inbound.processed_at !== null) {
      await complete(tx);
      return { replies: 0 };
    }
    const payload = JSON.parse(inbound.payload) as StoredInboundPayload;
    const citizen = await repos.citizens.recordContact(tx, {
      key: inbound.citizen_key,
      waId: payload.waId,
      userId: payload.userId ?? undefined,
      profileName: payload.profileName ?? undefined,
      at: inbound.sent_at,
    });
    const stored = await repos.conversations.load(tx, citizen.key);
    const state = (stored?.state as GreetingState | undefined) ?? initialGreetingState();
    const outcome = greet(state, { content: payload.content, profileName: citizen.profile_name ?? undefined }, deps.t);
    await repos.conversations.save(tx, citizen.key, outcome.state, now);
    const messages = outcome.replies.flatMap((reply) => deps.render(reply));
    await repos.outbox.enqueue(
      tx,
      messages.map((message, index) => ({ idempotencyKey: `${wamid}:${index}`, recipient: citizen.key, payload: message, cause: wamid })),
      now,
    );
    for (const effect of outcome.effects) {
      if (effect.kind !== 'store_media') continue;
      await repos.media.register(tx, { mediaId: effect.mediaId, inboundWamid: wamid, citizenKey: citizen.key, mimeType: effect.mimeType }, now);
      const job: StoreMediaPayload = { mediaId: effect.mediaId, inboundWamid: wamid };
      await repos.jobs.enqueue(tx, { kind: JOB.storeMedia, payload: job }, now);
    }
    await repos.inbound.markProcessed(tx, wamid, now);
    await complete(tx);
    return { replies: messages.length };
  });
};
