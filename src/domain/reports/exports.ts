import type { Executor } from '../../storage/database.js';
import type { ExportedRequest } from '../../storage/repositories/reports.repository.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { formatLocalDate, localDateOf } from '../calendar/index.js';
import type { Catalog, Department } from '../catalog/index.js';
import { departmentLabel } from '../catalog/index.js';
import type { PlaceDirectory } from '../places/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { spanOf, type ReportRange } from './summary.js';

/** An audit export is a spreadsheet: beyond this it stops being readable, and the period should be split. */
export const MAX_EXPORT_ROWS = 200_000;
const PAGE = 5_000;

export interface ExportCity {
  catalog: Catalog;
  departments: readonly Department[];
  places: PlaceDirectory;
  timezone: string;
  texts: Record<string, string>;
}

/** Every request opened in the period, page by page, so a large export never holds the table twice. */
async function* openedRequests(db: Executor, repos: Repositories, range: ReportRange, timezone: string): AsyncGenerator<ExportedRequest> {
  const span = spanOf(range, timezone);
  let afterId = 0;
  for (;;) {
    const page = await repos.reports.openedPage(db, span, afterId, PAGE);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    afterId = Number(last.id);
  }
}

export interface AuditRow {
  protocol: string;
  service: string;
  department: string;
  channel: string;
  status: string;
  priority: string;
  place: string;
  region: string;
  address: string;
  openedAt: Date;
  dueAt: Date | null;
  closedAt: Date | null;
  /** Closed by the deadline: true/false; null when there is no deadline or it is still open. */
  onTime: boolean | null;
  rating: number | null;
}

const placeOf = (city: ExportCity, placeId: string | null) => (placeId ? city.places.places.find((p) => p.id === placeId) : undefined);

const auditRow = (city: ExportCity, r: ExportedRequest): AuditRow => {
  const place = placeOf(city, r.place_id);
  const department = city.departments.find((d) => d.id === r.department_id);
  const closedAt = r.closed_at === null ? null : Number(r.closed_at);
  const dueAt = r.expected_at === null ? null : Number(r.expected_at);
  return {
    protocol: r.protocol,
    service: city.catalog.services.find((s) => s.code === r.service_code)?.name ?? r.service_code,
    department: department ? departmentLabel(department) : r.department_id,
    channel: r.channel,
    status: city.texts[`status.${r.status}`] ?? r.status,
    priority: r.priority,
    place: place?.name ?? '',
    region: place?.region ?? '',
    address: r.address ?? '',
    openedAt: new Date(Number(r.created_at)),
    dueAt: dueAt === null ? null : new Date(dueAt),
    closedAt: closedAt === null ? null : new Date(closedAt),
    onTime: closedAt === null || dueAt === null ? null : closedAt <= dueAt,
    rating: r.rating === null ? null : Number(r.rating),
  };
};

/** The requests of a period for auditors: when, what, where, by whom handled, and whether on time; never who asked. */
export const requestsForAudit = async (db: Executor, repos: Repositories, city: ExportCity, range: ReportRange): Promise<Result<AuditRow[], 'too_many_rows'>> => {
  const rows: AuditRow[] = [];
  for await (const request of openedRequests(db, repos, range, city.timezone)) {
    if (rows.length === MAX_EXPORT_ROWS)
      return fail('too_many_rows', 'invalid_input', `O período tem mais de ${MAX_EXPORT_ROWS.toLocaleString('pt-BR')} pedidos: escolha um período menor.`);
    rows.push(auditRow(city, request));
  }
  return ok(rows);
};

export interface OpenDataRow {
  /** "YYYY-MM" of opening, in the city's timezone. */
  month: string;
  serviceCode: string;
  service: string;
  /** The region of the place (Plano Diretor Sul, Taquaralto…); never the quadra, so no report points at a house. */
  region: string;
  status: string;
  requests: number;
}

/**
 * Requests counted by month, service, region and status: the open-data table (no personal data, nothing finer than a
 * region, so an anonymous report about a neighbour cannot be traced back to a street).
 */
export const openDataTable = async (db: Executor, repos: Repositories, city: ExportCity, range: ReportRange): Promise<OpenDataRow[]> => {
  const counts = new Map<string, OpenDataRow>();
  for await (const r of openedRequests(db, repos, range, city.timezone)) {
    const month = formatLocalDate(localDateOf(new Date(Number(r.created_at)), city.timezone)).slice(0, 7);
    const region = placeOf(city, r.place_id)?.region ?? '';
    const id = JSON.stringify([month, r.service_code, region, r.status]);
    const seen = counts.get(id);
    if (seen) seen.requests += 1;
    else counts.set(id, { month, serviceCode: r.service_code, service: city.catalog.services.find((s) => s.code === r.service_code)?.name ?? r.service_code, region, status: r.status, requests: 1 });
  }
  return [...counts.values()].sort((a, b) => a.month.localeCompare(b.month) || a.serviceCode.localeCompare(b.serviceCode) || a.region.localeCompare(b.region) || a.status.localeCompare(b.status));
};
