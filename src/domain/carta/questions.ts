import { redactText } from '../../platform/redact.js';
import type { Db, Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { CartaQuestionOutcome } from '../../storage/schema-carta.js';
import { recordAudit } from '../audit/index.js';
import { auditSubjectOf } from '../citizen-records/pseudonym.js';
import { fail, ok, type Result } from '../requests/result.js';
import type { LiveCarta } from './live-carta.js';
import { editCartaEntry } from './save-entry.js';

/** "Não era isso" counts for the answer given within this time. */
export const NOT_HELPFUL_WINDOW_MS = 60 * 60 * 1000;
/** The console lists at most this many questions. */
export const QUESTIONS_LIMIT = 200;

/** The pseudonym a citizen's questions are kept under: the audit log's, so erasing the citizen finds them. */
export const citizenRefOf = (citizenKey: string): string => auditSubjectOf(citizenKey).id;

/** A question the bot answered from the Carta, or could not: kept with phone numbers masked, under a pseudonym. */
export const recordCartaQuestion = (db: Executor, repos: Repositories, question: { citizenKey: string; text: string; entryId: string | null }, now: number): Promise<number> =>
  repos.carta.recordQuestion(db, { citizenRef: citizenRefOf(question.citizenKey), text: redactText(question.text).slice(0, 1000), entryId: question.entryId, outcome: question.entryId ? 'answered' : 'unanswered' }, now);

/** The citizen said the last answer was not what they asked. */
export const markNotHelpful = async (db: Executor, repos: Repositories, citizenKey: string, now: number): Promise<boolean> => {
  const last = await repos.carta.lastAnswered(db, citizenRefOf(citizenKey), now - NOT_HELPFUL_WINDOW_MS);
  if (!last) return false;
  await repos.carta.setOutcome(db, Number(last.id), 'not_helpful');
  return true;
};

export type QuestionKind = 'unanswered' | 'not_helpful' | 'all';

export interface CartaQuestionView {
  id: number;
  text: string;
  askedAt: string;
  entryId: string | null;
  entryTitle: string | null;
  outcome: CartaQuestionOutcome;
  resolved: boolean;
}

const OUTCOMES: Record<QuestionKind, CartaQuestionOutcome[]> = {
  unanswered: ['unanswered'],
  not_helpful: ['not_helpful'],
  all: ['unanswered', 'answered', 'not_helpful'],
};

/** Questions for coordinators to act on, newest first. */
export const listCartaQuestions = async (db: Executor, repos: Repositories, live: LiveCarta, filter: { kind: QuestionKind; resolved?: boolean | undefined }): Promise<CartaQuestionView[]> => {
  const rows = await repos.carta.questions(db, { outcomes: OUTCOMES[filter.kind], resolved: filter.resolved, limit: QUESTIONS_LIMIT });
  return rows.map((row) => ({
    id: Number(row.id),
    text: row.text,
    askedAt: new Date(Number(row.asked_at)).toISOString(),
    entryId: row.entry_id,
    entryTitle: row.entry_id ? (live.entry(row.entry_id)?.title ?? null) : null,
    outcome: row.outcome,
    resolved: row.resolved_at !== null,
  }));
};

export interface ResolveQuestion {
  id: number;
  entryId?: string | undefined;
  /** With entryId: the question's words become one more way of asking for that entry (an edit). */
  addAsQuestion?: boolean | undefined;
  actorUserId: number;
}

/** Marks a question handled; optionally teaches the entry its words. */
export const resolveCartaQuestion = async (
  db: Db,
  repos: Repositories,
  live: LiveCarta,
  change: ResolveQuestion,
  now: number,
  today: string,
): Promise<Result<void, 'question_not_found' | 'entry_not_found' | 'entry_exists' | 'invalid_entry'>> => {
  const question = await repos.carta.question(db, change.id);
  if (!question) return fail('question_not_found', 'not_found', 'Pergunta não encontrada.');
  const entry = change.entryId === undefined ? undefined : live.entry(change.entryId);
  if (change.entryId !== undefined && !entry) return fail('entry_not_found', 'not_found', 'Item da Carta de Serviços não encontrado.', { fields: ['entryId'] });
  if (entry && change.addAsQuestion) {
    const { id, ...fields } = entry;
    const words = question.text.replace(/\s+/g, ' ').trim().slice(0, 200);
    const edited = await editCartaEntry(db, repos, live, { id, fields: { ...fields, questions: [...fields.questions, words] }, actorUserId: change.actorUserId }, now, today);
    if (!edited.ok) return edited;
  }
  await db.transaction().execute(async (tx) => {
    await repos.carta.resolve(tx, change.id, change.actorUserId, now);
    const details = { entryId: change.entryId ?? null, addedAsQuestion: Boolean(entry && change.addAsQuestion) };
    await recordAudit(tx, repos, { actorUserId: change.actorUserId, action: 'carta.question_resolved', subject: { type: 'carta_question', id: String(change.id) }, details }, now);
  });
  return ok(undefined);
};
