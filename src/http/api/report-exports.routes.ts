import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicUser } from '../../domain/attendants/users.js';
import { recordAudit } from '../../domain/audit/index.js';
import { openDataTable, requestsForAudit, type ExportCity } from '../../domain/reports/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { reportRange, todayIn } from './report-range.js';
import { csvLines } from './reports-csv.js';
import { auditWorkbook } from './reports-xlsx.js';
import { errorSchema } from './schemas.js';

export interface ReportExportsDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  city: ExportCity;
}

const period = z.object({
  from: z.string().optional().describe('YYYY-MM-DD in the city, included'),
  to: z.string().optional().describe('YYYY-MM-DD in the city, included; default today'),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The requests of a period as a spreadsheet for auditors (coordinators and admins; each export is audited). */
export const registerAuditExportRoute = (app: FastifyInstance, deps: ReportExportsDeps & { requireCoordinator: onRequestAsyncHookHandler }): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/reports/requests.xlsx', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['reports'],
      summary: 'Requests opened in a period as an .xlsx workbook (no citizen data); default the last 30 days',
      security: [{ session: [] }],
      querystring: period,
      response: { 200: z.unknown().describe('The .xlsx workbook'), 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
  }, async (request, reply) => {
    const range = reportRange(request.query, todayIn(deps.clock, deps.city.timezone), 30);
    const rows = await requestsForAudit(deps.db, deps.repos, deps.city, range);
    if (!rows.ok) throw toAppError(rows.error);
    const user = request.user as PublicUser;
    await recordAudit(deps.db, deps.repos, { actorUserId: user.id, action: 'report.requests_exported', subject: { type: 'report', id: 'requests' }, details: { ...range, rows: rows.value.length } }, deps.clock.now().getTime());
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="pedidos-${range.from}-a-${range.to}.xlsx"`)
      .send(await auditWorkbook(rows.value, deps.city.timezone));
  });
};

/**
 * Open data, for anyone: requests counted by month, service, region and status, as CSV. Default: the last 365
 * days. No personal data and nothing finer than a region.
 */
export const registerOpenDataRoute = (app: FastifyInstance, deps: ReportExportsDeps): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/dados-abertos/pedidos.csv', {
    schema: { hide: true, querystring: period },
  }, async (request, reply) => {
    const range = reportRange(request.query, todayIn(deps.clock, deps.city.timezone), 365);
    const table = await openDataTable(deps.db, deps.repos, deps.city, range);
    const rows = table.map((r) => [r.month, r.serviceCode, r.service, r.region, r.status, r.requests]);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('content-disposition', `inline; filename="pedidos-${range.from}-a-${range.to}.csv"`)
      .send(`\uFEFF${csvLines([['mes', 'servico_codigo', 'servico', 'regiao', 'situacao', 'pedidos'], ...rows])}`);
  });
};
