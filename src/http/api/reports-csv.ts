import type { SummaryBody } from './reports.routes.js';

/** RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes inside. */
export const csvField = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLines = (rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string => `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;

type Row = [string, string, number | null];

const section = (name: string, counts: Record<string, number>): Row[] =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([key, n]): Row => [name, key, n]);

/**
 * The summary as rows of (figure, key, value) in the API's names, one figure per line: it opens in any spreadsheet
 * and reads back without knowing the layout. A byte-order mark makes Excel read it as UTF-8.
 */
export const summaryCsv = (s: SummaryBody): string => {
  const rows: Row[] = [
    ['from', s.from, null],
    ['to', s.to, null],
    ['messages_received', '', s.messages_received],
    ['messages_sent', '', s.messages_sent],
    ['messages_inside_hours', '', s.messages_inside_hours],
    ['messages_outside_hours', '', s.messages_outside_hours],
    ['citizens', '', s.citizens],
    ['citizens_registered', '', s.citizens_registered],
    ['citizens_opted_in', '', s.citizens_opted_in],
    ['requests_opened', '', s.requests_opened],
    ['requests_closed', '', s.requests_closed],
    ['requests_backlog', '', s.requests.backlog],
    ['requests_on_time_rate', '', s.requests.on_time_rate],
    ['requests_resolution_average_minutes', '', s.requests.resolution.average_minutes],
    ['first_response_average_minutes', '', s.first_response.average_minutes],
    ['ratings_count', '', s.requests.ratings.count],
    ['ratings_average', '', s.requests.ratings.average],
    ...section('by_service', s.by_service),
    ...section('by_group', s.by_group),
    ...section('by_department', s.by_department),
    ...section('by_state', s.by_state),
    ...section('by_country', s.by_country),
    ...s.by_day.flatMap((d): Row[] => [['received_on', d.day, d.received], ['sent_on', d.day, d.sent]]),
    ...section('requests_by_service', s.requests.by_service),
    ...section('requests_by_department', s.requests.by_department),
    ...section('requests_closed_by_status', s.requests.closed_by_status),
    ...s.requests.top_places.map((p): Row => ['requests_by_place', p.name, p.n]),
  ];
  return `\uFEFF${csvLines([['figure', 'key', 'value'], ...rows])}`;
};
