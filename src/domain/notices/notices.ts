import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { NoticeRow } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';

export const MAX_NOTICE_TITLE = 120;
export const MAX_NOTICE_BODY = 4096;

export interface Notice {
  id: number;
  broadcastId: number | null;
  title: string;
  body: string;
  topics: string[];
  publishedAt: number;
  withdrawnAt: number | null;
}

export const toNotice = (row: NoticeRow): Notice => ({
  id: Number(row.id),
  broadcastId: row.broadcast_id === null ? null : Number(row.broadcast_id),
  title: row.title,
  body: row.body,
  topics: JSON.parse(row.topics) as string[],
  publishedAt: Number(row.published_at),
  withdrawnAt: row.withdrawn_at === null ? null : Number(row.withdrawn_at),
});

/**
 * Puts a broadcast on the public page and feed, once: calling it again for the same broadcast (a restart, a resumed
 * broadcast) publishes nothing new. Call it in the transaction that starts the sending.
 */
export const publishBroadcastNotice = async (
  db: Executor,
  repos: Repositories,
  notice: { broadcastId: number; title: string; body: string; topics: readonly string[] },
  now: number,
): Promise<void> => {
  await repos.notices.insert(db, { ...notice, publishedAt: now, createdBy: null });
};

export type NoticeError = 'invalid_notice' | 'notice_not_found';

/** A notice written in the console for the page alone (no WhatsApp send). Audited. */
export const publishNotice = async (
  db: Executor,
  repos: Repositories,
  input: { title: string; body: string; topics: readonly string[]; actorUserId: number },
  knownTopics: readonly string[],
  now: number,
): Promise<Result<Notice, NoticeError>> => {
  const title = input.title.replace(/\s+/g, ' ').trim();
  const body = input.body.trim();
  if (title.length < 3 || title.length > MAX_NOTICE_TITLE) return fail('invalid_notice', 'invalid_input', `O título precisa ter de 3 a ${MAX_NOTICE_TITLE} caracteres.`);
  if (body.length < 3 || body.length > MAX_NOTICE_BODY) return fail('invalid_notice', 'invalid_input', `O texto precisa ter de 3 a ${MAX_NOTICE_BODY} caracteres.`);
  const unknown = input.topics.find((t) => !knownTopics.includes(t));
  if (unknown) return fail('invalid_notice', 'invalid_input', `Tema desconhecido: ${unknown}.`);
  return inTransaction(db, async (tx): Promise<Result<Notice, NoticeError>> => {
    const row = await repos.notices.insert(tx, { broadcastId: null, title, body, topics: input.topics, publishedAt: now, createdBy: input.actorUserId });
    if (!row) throw new Error('a notice without broadcast cannot conflict');
    await recordAudit(tx, repos, { actorUserId: input.actorUserId, action: 'notice.published', subject: { type: 'notice', id: String(row.id) } }, now);
    return ok(toNotice(row));
  });
};

/** Takes a notice off the page and feed (a mistake, an outdated alert). Audited; the row stays. */
export const withdrawNotice = async (db: Executor, repos: Repositories, id: number, actorUserId: number, now: number): Promise<Result<void, NoticeError>> =>
  inTransaction(db, async (tx): Promise<Result<void, NoticeError>> => {
    if (!(await repos.notices.withdraw(tx, id, actorUserId, now))) return fail('notice_not_found', 'not_found', 'Aviso não encontrado (ou já retirado).');
    await recordAudit(tx, repos, { actorUserId, action: 'notice.withdrawn', subject: { type: 'notice', id: String(id) } }, now);
    return ok(undefined);
  });
