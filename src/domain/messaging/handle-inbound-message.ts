import { converse, readState, type CitizenView, type EngineContext, type Turn, type Understanding } from '../../conversation/engine.js';
import type { ExtraClosure } from '../calendar/index.js';
import type { Effect, Reply } from '../../conversation/reply.js';
import type { Db, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { Citizen } from '../../storage/schema.js';
import type { StoredInboundPayload } from './receive-notification.js';
import { countProcessedMessage, subjectOfMessage } from '../reports/index.js';

/** What the conversation needs from the rest of the domain, inside the message's transaction. */
export interface ConversationPorts {
  citizenView(tx: Tx, citizen: Citizen): Promise<CitizenView>;
  /** Closures a coordinator added to the calendar. */
  closures(tx: Tx, now: number): Promise<readonly ExtraClosure[]>;
  /** Carries out an effect; returns the replies that depend on its result (a protocol number, a history). */
  apply(tx: Tx, citizen: Citizen, effect: Effect, cause: string, now: number): Promise<Reply[]>;
}

export interface InboundHandlingDeps {
  db: Db;
  repos: Repositories;
  engine: EngineContext;
  ports: ConversationPorts;
  /** Works out what free text asks for (the classifier is asynchronous, so it runs before the transaction). */
  understand: (text: string) => Promise<Understanding>;
  /** Turns a reply into the channel's message bodies (WhatsApp: within Meta's limits). */
  render: (reply: Reply) => object[];
}

/**
 * Runs one inbound message through the conversation: the citizen's record, the new conversation state, the
 * effects, the replies (as outbox rows) and the job's completion are committed together, so a crash re-runs it
 * whole or not at all.
 */
export const handleInboundMessage = async (
  deps: InboundHandlingDeps,
  wamid: string,
  now: number,
  complete: (tx: Tx) => Promise<void>,
): Promise<{ replies: number; effects: Effect['kind'][]; receivedAt: number | undefined }> => {
  const { repos } = deps;
  // Read once, before the transaction: the classifier is asynchronous, and one citizen's messages never run at once.
  const inbound = await repos.inbound.byWamid(deps.db, wamid);
  const payload = inbound ? (JSON.parse(inbound.payload) as StoredInboundPayload) : undefined;
  const understanding = payload?.content.type === 'text' ? await deps.understand(payload.content.body) : undefined;
  return deps.db.transaction().execute(async (tx) => {
    if (!inbound || !payload || inbound.processed_at !== null) {
      await complete(tx);
      return { replies: 0, effects: [], receivedAt: undefined };
    }
    const citizen = await repos.citizens.recordContact(tx, {
      key: inbound.citizen_key,
      waId: payload.waId,
      userId: payload.userId ?? undefined,
      profileName: payload.profileName ?? undefined,
      at: inbound.sent_at,
    });
    const stored = await repos.conversations.load(tx, citizen.key);
    const turn: Turn = {
      content: payload.content,
      at: inbound.sent_at,
      profileName: citizen.profile_name ?? undefined,
      citizen: await deps.ports.citizenView(tx, citizen),
      understanding,
      closures: await deps.ports.closures(tx, now),
    };
    const before = readState(stored?.state);
    const outcome = converse(before, turn, deps.engine);
    await repos.conversations.save(tx, citizen.key, outcome.state, now);
    const subject = subjectOfMessage(turn.content, before, outcome.state, understanding);
    await countProcessedMessage(tx, repos, { sentAt: inbound.sent_at, waId: payload.waId, subject }, { calendar: deps.engine.city.calendar, closures: turn.closures });
    const replies = [...outcome.replies];
    for (const effect of outcome.effects) replies.push(...(await deps.ports.apply(tx, citizen, effect, wamid, now)));
    const messages = replies.flatMap((reply) => deps.render(reply));
    await repos.outbox.enqueue(
      tx,
      messages.map((message, index) => ({ idempotencyKey: `${wamid}:${index}`, recipient: citizen.key, payload: message, cause: wamid })),
      now,
    );
    await repos.inbound.markProcessed(tx, wamid, now);
    await complete(tx);
    return { replies: messages.length, effects: outcome.effects.map((effect) => effect.kind), receivedAt: Number(inbound.received_at) };
  });
};
