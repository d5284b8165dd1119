import { addDays, daysBetween, formatLocalDate, isLocalDateText, localDateOf, parseLocalDate, type ExtraClosure } from '../calendar/index.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ClosureRow } from '../../storage/schema.js';
import { fail, ok, type Result } from '../requests/result.js';

/** A closure covers at most a year: longer ones are almost certainly a typo in the year. */
export const MAX_CLOSURE_DAYS = 366;
export const MAX_REASON = 200;
const MIN_REASON = 3;

export interface Closure {
  id: number;
  /** "YYYY-MM-DD", local to the city. */
  firstDay: string;
  lastDay: string;
  reason: string;
  createdBy: number;
  createdAt: number;
}

export interface NewClosureInput {
  firstDay: string;
  /** Defaults to firstDay (a one-day closure). */
  lastDay?: string | undefined;
  reason: string;
}

export type ClosureErrorCode = 'invalid_date' | 'range_reversed' | 'range_too_long' | 'in_the_past' | 'invalid_reason' | 'closure_not_found';

const toClosure = (row: ClosureRow): Closure => ({
  id: Number(row.id),
  firstDay: row.first_day,
  lastDay: row.last_day,
  reason: row.reason,
  createdBy: Number(row.created_by),
  createdAt: Number(row.created_at),
});

/** The shape the calendar functions take. */
export const asExtraClosure = (closure: Closure): ExtraClosure => ({ date: closure.firstDay, until: closure.lastDay, reason: closure.reason });

const today = (timezone: string, now: number): string => formatLocalDate(localDateOf(new Date(now), timezone));

const checkClosure = (input: NewClosureInput, todayText: string): Result<{ firstDay: string; lastDay: string; reason: string }, ClosureErrorCode> => {
  const lastDay = input.lastDay ?? input.firstDay;
  if (!isLocalDateText(input.firstDay) || !isLocalDateText(lastDay)) return fail('invalid_date', 'invalid_input', 'Informe as datas no formato AAAA-MM-DD.');
  const span = daysBetween(parseLocalDate(input.firstDay), parseLocalDate(lastDay));
  if (span < 0) return fail('range_reversed', 'invalid_input', 'A data final vem antes da inicial.');
  if (span >= MAX_CLOSURE_DAYS) return fail('range_too_long', 'invalid_input', `Um fechamento cobre no máximo ${MAX_CLOSURE_DAYS} dias.`);
  if (lastDay < todayText) return fail('in_the_past', 'invalid_input', 'Esse período já passou.');
  const reason = input.reason.replace(/\s+/g, ' ').trim();
  if (reason.length < MIN_REASON || reason.length > MAX_REASON) return fail('invalid_reason', 'invalid_input', `Diga o motivo em ${MIN_REASON} a ${MAX_REASON} caracteres.`);
  return ok({ firstDay: input.firstDay, lastDay, reason });
};

/** Closes human attendance (and stops deadline clocks) on whole days, from today on. */
export const addClosure = async (
  db: Executor,
  repos: Repositories,
  timezone: string,
  input: NewClosureInput,
  userId: number,
  now: number,
): Promise<Result<Closure, ClosureErrorCode>> => {
  const checked = checkClosure(input, today(timezone, now));
  if (!checked.ok) return checked;
  return ok(toClosure(await repos.closures.insert(db, { ...checked.value, createdBy: userId }, now)));
};

export const removeClosure = async (db: Executor, repos: Repositories, id: number, userId: number, now: number): Promise<Result<void, ClosureErrorCode>> =>
  (await repos.closures.remove(db, id, userId, now)) ? ok(undefined) : fail('closure_not_found', 'not_found', 'Fechamento não encontrado.');

/** Closures that end today or later, earliest first. */
export const upcomingClosures = async (db: Executor, repos: Repositories, timezone: string, now: number): Promise<Closure[]> =>
  (await repos.closures.inForce(db, today(timezone, now))).map(toClosure);

/**
 * What the calendar needs to answer "is attendance open" and "when does it open", and to count deadlines.
 * Includes closures that ended up to a year ago, so a deadline counted from an older date still skips them.
 */
export const closuresForCalendar = async (db: Executor, repos: Repositories, timezone: string, now: number): Promise<ExtraClosure[]> => {
  const yearAgo = formatLocalDate(addDays(localDateOf(new Date(now), timezone), -MAX_CLOSURE_DAYS));
  return (await repos.closures.inForce(db, yearAgo)).map((row) => asExtraClosure(toClosure(row)));
};
