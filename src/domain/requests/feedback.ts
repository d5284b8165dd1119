import type { Executor, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ServiceRequestRow } from '../../storage/schema.js';
import type { OfficeCalendar } from '../calendar/index.js';
import { recountRequest } from '../reports/count-requests.js';
import { changeRequestStatus } from './change-request-status.js';
import { inTransaction } from './in-transaction.js';
import { fail, ok, type Result } from './result.js';

export type FeedbackErrorCode = 'not_found' | 'not_concluded' | 'invalid_rating';

export const MIN_RATING = 1;
export const MAX_RATING = 5;

/** The request, if the citizen opened it or follows it (a linked report); otherwise not found, whichever the case. */
const concernedRequest = async (tx: Tx, repos: Repositories, protocol: string, citizenKey: string): Promise<ServiceRequestRow | undefined> => {
  const row = await repos.requests.byProtocol(tx, protocol);
  if (!row) return undefined;
  if (row.citizen_key === citizenKey || (await repos.followers.follows(tx, Number(row.id), citizenKey))) return row;
  return undefined;
};

const feedbackEvent = (row: ServiceRequestRow, note: string, now: number) => ({
  request_id: row.id,
  kind: 'feedback' as const,
  from_status: row.status,
  status: row.status,
  note,
  actor: 'citizen',
  at: now,
});

/**
 * The citizen's answer to "was it solved?" after a conclusion. Not solved reopens the request for analysis, so
 * the department looks again; either way the answer is kept on the request and in its history.
 */
export const recordVerdict = async (
  db: Executor,
  repos: Repositories,
  input: { protocol: string; citizenKey: string; solved: boolean },
  now: number,
  calendar: OfficeCalendar,
): Promise<Result<{ protocol: string; reopened: boolean }, FeedbackErrorCode>> =>
  inTransaction(db, async (tx): Promise<Result<{ protocol: string; reopened: boolean }, FeedbackErrorCode>> => {
    const row = await concernedRequest(tx, repos, input.protocol, input.citizenKey);
    if (!row) return fail('not_found', 'not_found', `no request ${input.protocol} of this citizen`);
    if (row.status !== 'concluido') return fail('not_concluded', 'conflict', `request ${input.protocol} is ${row.status}`);
    const answered = await repos.requests.update(tx, Number(row.id), { solved: input.solved ? 1 : 0, feedback_at: now }, now);
    if (answered) await recountRequest(tx, repos, row, answered, calendar);
    await repos.requests.addEvent(tx, feedbackEvent(row, input.solved ? 'Cidadão: resolvido' : 'Cidadão: não foi resolvido', now));
    if (input.solved) return ok({ protocol: row.protocol, reopened: false });
    const reopened = await changeRequestStatus(tx, repos, { protocol: row.protocol, to: 'em_analise', actor: 'system', note: 'Reaberto: o cidadão informou que não foi resolvido' }, now, calendar);
    if (!reopened.ok) throw new Error(`reopening ${row.protocol} failed: ${reopened.error.message}`);
    return ok({ protocol: row.protocol, reopened: true });
  });

/** The citizen's 1–5 rating of a concluded request; a later rating replaces an earlier one. */
export const rateRequest = async (
  db: Executor,
  repos: Repositories,
  input: { protocol: string; citizenKey: string; rating: number },
  now: number,
  calendar: OfficeCalendar,
): Promise<Result<{ protocol: string; rating: number }, FeedbackErrorCode>> => {
  if (!Number.isInteger(input.rating) || input.rating < MIN_RATING || input.rating > MAX_RATING)
    return fail('invalid_rating', 'invalid_input', `rating ${input.rating} is not ${MIN_RATING}–${MAX_RATING}`);
  return inTransaction(db, async (tx): Promise<Result<{ protocol: string; rating: number }, FeedbackErrorCode>> => {
    const row = await concernedRequest(tx, repos, input.protocol, input.citizenKey);
    if (!row) return fail('not_found', 'not_found', `no request ${input.protocol} of this citizen`);
    if (row.status !== 'concluido') return fail('not_concluded', 'conflict', `request ${input.protocol} is ${row.status}`);
    const rated = await repos.requests.update(tx, Number(row.id), { rating: input.rating, feedback_at: now }, now);
    if (rated) await recountRequest(tx, repos, row, rated, calendar);
    await repos.requests.addEvent(tx, feedbackEvent(row, `Avaliação do cidadão: ${input.rating}/5`, now));
    return ok({ protocol: row.protocol, rating: input.rating });
  });
};
