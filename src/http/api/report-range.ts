import { addDays, daysBetween, formatLocalDate, isLocalDateText, localDateOf, parseLocalDate } from '../../domain/calendar/index.js';
import { MAX_RANGE_DAYS, type ReportRange } from '../../domain/reports/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';

export const todayIn = (clock: Clock, timezone: string): string => formatLocalDate(localDateOf(clock.now(), timezone));

/** `from`/`to` of a query ("YYYY-MM-DD", both included); without them, the `defaultDays` up to today. */
export const reportRange = (query: { from?: string | undefined; to?: string | undefined }, today: string, defaultDays: number): ReportRange => {
  const to = query.to ?? today;
  if (!isLocalDateText(to) || (query.from !== undefined && !isLocalDateText(query.from)))
    throw new AppError('report.invalid_date', 'invalid_input', 'Informe as datas no formato AAAA-MM-DD.');
  const from = query.from ?? formatLocalDate(addDays(parseLocalDate(to), 1 - defaultDays));
  const days = daysBetween(parseLocalDate(from), parseLocalDate(to)) + 1;
  if (days < 1) throw new AppError('report.range_reversed', 'invalid_input', 'A data final vem antes da inicial.');
  if (days > MAX_RANGE_DAYS) throw new AppError('report.range_too_long', 'invalid_input', `O período pode ter no máximo ${MAX_RANGE_DAYS} dias.`);
  return { from, to };
};
