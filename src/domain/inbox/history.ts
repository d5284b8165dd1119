import type { InboundContent } from '../../conversation/input.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { StoredInboundPayload } from '../messaging/receive-notification.js';
import { fail, ok, type Result } from '../requests/result.js';
import type { HistoryEntry, InboxViewer } from './types.js';
import { canSeeHandoff } from './visibility.js';

export const MAX_HISTORY_PAGE = 100;

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Pass as `before` for older entries; undefined when there are none. */
  nextBefore: number | undefined;
}

const inboundContent = (payload: string): InboundContent => (JSON.parse(payload) as StoredInboundPayload).content;

/**
 * The citizen's whole conversation, newest page first, oldest to newest within a page: what they sent, what the bot
 * and the attendants answered, and the handoff's internal notes and events. Only for someone who may see the
 * handoff.
 */
export const conversationHistory = async (
  db: Executor,
  repos: Repositories,
  viewer: InboxViewer,
  handoffId: number,
  page: { before?: number | undefined; limit?: number | undefined },
  describe: (payload: unknown) => string,
): Promise<Result<HistoryPage, 'handoff_not_found'>> => {
  const handoff = await repos.handoffs.byId(db, handoffId);
  if (!handoff || !canSeeHandoff(viewer, handoff)) return fail('handoff_not_found', 'not_found', 'Atendimento não encontrado.');
  const limit = Math.max(1, Math.min(page.limit ?? 50, MAX_HISTORY_PAGE));
  const before = page.before ?? Number.MAX_SAFE_INTEGER;
  const [inbound, outbound, thread] = await Promise.all([
    repos.inbound.historyOf(db, handoff.citizen_key, before, limit),
    repos.outbox.historyOf(db, handoff.citizen_key, before, limit),
    repos.handoffs.messages(db, Number(handoff.id)),
  ]);
  const entries: HistoryEntry[] = [
    ...inbound.map((row): HistoryEntry => ({ direction: 'in', at: Number(row.received_at), content: inboundContent(row.payload) })),
    ...outbound.map((row): HistoryEntry => ({
      direction: 'out',
      at: Number(row.created_at),
      author: row.author,
      text: describe(JSON.parse(row.payload)),
      state: row.state,
      delivery: row.delivery,
    })),
    ...thread
      .filter((entry) => entry.kind !== 'message' && Number(entry.at) < before)
      .map((entry): HistoryEntry => ({ direction: entry.kind === 'note' ? 'note' : 'event', at: Number(entry.at), author: entry.author, text: entry.body })),
  ].sort((a, b) => b.at - a.at);
  const newest = entries.slice(0, limit);
  const oldest = newest.at(-1);
  const more = entries.length > limit || inbound.length === limit || outbound.length === limit;
  return ok({ entries: newest.reverse(), nextBefore: more ? oldest?.at : undefined });
};
