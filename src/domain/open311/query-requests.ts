import { zonedInstant } from '../calendar/index.js';
import { isCanonicalProtocol, type ListRequestsFilter, type RequestStatus, REQUEST_STATUSES, isClosedStatus, MAX_LIST_PAGE } from '../requests/index.js';
import { parseW3cDate, parseW3cDateTime } from './datetime.js';
import { refuse, type Open311Result } from './errors.js';
import { listParam, param, type Open311Params } from './params.js';

export const MAX_SPAN_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SPAN_MS = MAX_SPAN_DAYS * DAY_MS;
/** More ids than this in one call is not a status check any more; page through the list instead. */
export const MAX_IDS = 200;

const STATUSES_OF: Record<'open' | 'closed', RequestStatus[]> = {
  open: REQUEST_STATUSES.filter((s) => !isClosedStatus(s)),
  closed: REQUEST_STATUSES.filter(isClosedStatus),
};

/** A W3C datetime, or a bare date taken as the start (or end) of that day in the city. */
const parseBound = (text: string, edge: 'start' | 'end', timezone: string): number | undefined => {
  const exact = parseW3cDateTime(text);
  if (exact !== undefined) return exact;
  const date = parseW3cDate(text);
  if (!date) return undefined;
  return edge === 'start' ? zonedInstant(date, 0, timezone).getTime() : zonedInstant(date, 24 * 60, timezone).getTime() - 1;
};

const parseStatuses = (values: string[] | undefined): Open311Result<RequestStatus[] | undefined> => {
  if (values === undefined) return { ok: true, value: undefined };
  const unknown = values.find((v) => v !== 'open' && v !== 'closed');
  if (unknown !== undefined) return refuse(400, `status: valor desconhecido "${unknown.slice(0, 40)}"; use open, closed ou open,closed.`);
  return { ok: true, value: values.flatMap((v) => STATUSES_OF[v as 'open' | 'closed']) };
};

const parseDates = (params: Open311Params, timezone: string, now: number): Open311Result<{ from: number; to: number }> => {
  const startText = param(params, 'start_date');
  const endText = param(params, 'end_date');
  const start = startText === undefined ? undefined : parseBound(startText, 'start', timezone);
  const end = endText === undefined ? undefined : parseBound(endText, 'end', timezone);
  if (startText !== undefined && start === undefined) return refuse(400, 'start_date: use o formato W3C com fuso horário, p.ex. 2026-05-20T00:00:00-03:00.');
  if (endText !== undefined && end === undefined) return refuse(400, 'end_date: use o formato W3C com fuso horário, p.ex. 2026-05-20T23:59:59-03:00.');
  // The spec's default is the most recent 90 days; one bound alone spans 90 days from it.
  const to = end ?? (start === undefined ? now : start + MAX_SPAN_MS);
  const from = start ?? to - MAX_SPAN_MS;
  if (from > to) return refuse(400, 'start_date: deve ser anterior a end_date.');
  if (to - from > MAX_SPAN_MS) return refuse(400, `start_date/end_date: o intervalo pode ter no máximo ${MAX_SPAN_DAYS} dias.`);
  return { ok: true, value: { from, to } };
};

const parsePositive = (params: Open311Params, name: string, fallback: number, max: number): Open311Result<number> => {
  const text = param(params, name);
  if (text === undefined) return { ok: true, value: fallback };
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) return refuse(400, `${name}: use um número inteiro de 1 a ${max}.`);
  return { ok: true, value: n };
};

/**
 * GET requests parameters as a list filter. `service_request_id` overrides every other filter (spec); dates
 * default to the most recent 90 days and may not span more; `page` / `page_size` (the most common extension) page
 * through at most 1000 requests at a time.
 */
export const parseRequestQuery = (params: Open311Params, timezone: string, now: number): Open311Result<ListRequestsFilter> => {
  const ids = listParam(params, 'service_request_id');
  if (ids !== undefined) {
    if (ids.length > MAX_IDS) return refuse(400, `service_request_id: no máximo ${MAX_IDS} protocolos por consulta.`);
    return { ok: true, value: { protocols: ids.filter(isCanonicalProtocol), limit: MAX_IDS } };
  }
  const statuses = parseStatuses(listParam(params, 'status'));
  if (!statuses.ok) return statuses;
  const dates = parseDates(params, timezone, now);
  if (!dates.ok) return dates;
  const pageSize = parsePositive(params, 'page_size', MAX_LIST_PAGE, MAX_LIST_PAGE);
  if (!pageSize.ok) return pageSize;
  const page = parsePositive(params, 'page', 1, 1_000_000);
  if (!page.ok) return page;
  return {
    ok: true,
    value: {
      serviceCodes: listParam(params, 'service_code'),
      statuses: statuses.value,
      createdFrom: dates.value.from,
      createdTo: dates.value.to,
      limit: pageSize.value,
      offset: (page.value - 1) * pageSize.value,
    },
  };
};
