import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { RetainedKind } from '../../storage/repositories/retention.repository.js';

/** What staff read where a message's words were: the conversation keeps its shape, not its contents. */
export const REDACTED_TEXT = '(mensagem apagada: passou o prazo de guarda)';

/** Each kind's placeholder, as the readers of that table expect it. */
const PLACEHOLDER: Record<RetainedKind, string> = {
  inbound: JSON.stringify({ content: { type: 'text', body: REDACTED_TEXT }, waId: '', userId: null, profileName: null, raw: {} }),
  outbound: JSON.stringify({ type: 'text', text: { body: REDACTED_TEXT } }),
  handoff: REDACTED_TEXT,
};

const KINDS: readonly RetainedKind[] = ['inbound', 'outbound', 'handoff'];
const watermark = (kind: RetainedKind) => `retention.${kind}.last_id`;
const MONTH_MS = 30.44 * 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  /** Message contents older than this many months are replaced; 0 keeps them forever. */
  months: number;
  /** Rows per kind per run: a first run over years of messages spreads over many runs. */
  batch: number;
}

/**
 * Applies the retention policy to what citizens and staff wrote: message texts, the bot's answers and the inbox
 * conversation older than the policy lose their words (LGPD: kept no longer than needed), and the questions asked
 * of the Carta de Serviços that old are deleted. Requests, their history and the daily counts stay, so reports and
 * protocols are unaffected. Resumable and idempotent: each kind remembers
 * the last row it handled.
 */
export const redactOldMessages = async (db: Executor, repos: Repositories, policy: RetentionPolicy, now: number): Promise<Record<RetainedKind, number>> => {
  const done: Record<RetainedKind, number> = { inbound: 0, outbound: 0, handoff: 0 };
  if (policy.months <= 0) return done;
  const cutoff = now - policy.months * MONTH_MS;
  for (const kind of KINDS) {
    const afterId = (await repos.settings.get<number>(db, watermark(kind))) ?? 0;
    const { count, lastId } = await repos.retention.redact(db, kind, cutoff, afterId, policy.batch, PLACEHOLDER[kind]);
    if (lastId !== undefined) await repos.settings.set(db, watermark(kind), lastId, now);
    done[kind] = count;
  }
  await repos.carta.forgetBefore(db, cutoff);
  return done;
};
