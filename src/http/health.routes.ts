import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Metrics } from '../platform/metrics.js';
import type { Db } from '../storage/database.js';

export interface HealthRouteDeps {
  db: Db;
  metrics: Metrics;
  /** Extra readiness checks (Redis when configured); each throws when not ready. */
  checks: Array<{ name: string; check: () => Promise<void> }>;
  /** Refreshes gauges that are read from the database (queue depths) just before a scrape. */
  beforeScrape: () => Promise<void>;
}

export const registerHealthRoutes = (app: FastifyInstance, deps: HealthRouteDeps): void => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const failures: string[] = [];
    const all = [{ name: 'database', check: async () => void (await sql`select 1`.execute(deps.db)) }, ...deps.checks];
    for (const { name, check } of all) {
      try {
        await check();
      } catch (error) {
        request.log.warn({ err: error, check: name }, 'readiness check failed');
        failures.push(name);
      }
    }
    return reply.status(failures.length === 0 ? 200 : 503).send({ status: failures.length === 0 ? 'ready' : 'not_ready', failures });
  });

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    await deps.beforeScrape().catch(() => undefined);
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
};
