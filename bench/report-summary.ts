import { sql } from 'kysely';
import { loadCityProfile } from '../src/config/city-profile.js';
import { addDays, formatLocalDate, parseLocalDate } from '../src/domain/calendar/index.js';
import { METRIC, previousRange, reportSummary } from '../src/domain/reports/index.js';
import { fromRoot } from '../src/platform/paths.js';
import { openStorage, type Storage } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { createRepositories } from '../src/storage/repositories/index.js';
import type { DailyCount } from '../src/storage/repositories/daily-counts.repository.js';
import { sqliteDatabase } from '../test/support/databases.js';

const MESSAGES = Number(process.env.BENCH_REPORT_MESSAGES ?? 10_000_000);
const REQUESTS = Math.round(MESSAGES / 20);
const CITIZENS = Math.round(MESSAGES / 50);
const RUNS = 30;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const START = Date.parse('2026-01-01T03:00:00Z');
const SPAN_MS = 365 * 24 * 3600 * 1000;

/** Shares like Palmas's: most senders from Tocantins, some from Goiás, Minas Gerais and São Paulo. */
const STATES: Array<[string, number]> = [['TO', 0.86], ['GO', 0.05], ['MG', 0.03], ['SP', 0.03], ['PA', 0.02], ['MA', 0.01]];
const HOURS: Array<[string, number]> = [['inside', 0.4], ['outside', 0.6]];

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The raw rows: messages, citizens and requests spread over the year, inserted by the database itself. */
const seedRaw = async (storage: Storage, services: string[]): Promise<void> => {
  const { db } = storage;
  const series = (n: number) => sql.raw(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${n})`);
  await sql`${series(MESSAGES)} insert into inbound_messages (wamid, citizen_key, phone_number_id, type, sent_at, received_at, payload, processed_at)
    select 'wamid.R' || i, '55639' || (90000000 + i % ${CITIZENS}), '1', 'text', ${START} + i * ${Math.floor(SPAN_MS / MESSAGES)}, ${START} + i * ${Math.floor(SPAN_MS / MESSAGES)}, '{}', ${START} + i * ${Math.floor(SPAN_MS / MESSAGES)} from n`.execute(db);
  await sql`${series(CITIZENS)} insert into citizens (key, wa_id, first_seen_at, last_inbound_at)
    select '55639' || (90000000 + i), '55639' || (90000000 + i), ${START} + i * ${Math.floor(SPAN_MS / CITIZENS)}, ${START} + i * ${Math.floor(SPAN_MS / CITIZENS)} from n`.execute(db);
  const codes = sql.raw(`case i % ${services.length} ${services.map((code, index) => `when ${index} then '${code}'`).join(' ')} end`);
  await sql`${series(REQUESTS)} insert into service_requests (protocol, service_code, department_id, channel, status, description, media_ids, created_at, updated_at)
    select '2026-' || substr('000000' || i, -6, 6), ${codes}, 'zeladoria-urbana', 'whatsapp', case when i % 5 = 0 then 'aberto' else 'concluido' end, 'bench', '[]',
      ${START} + i * ${Math.floor(SPAN_MS / REQUESTS)}, ${START} + i * ${Math.floor(SPAN_MS / REQUESTS)} from n`.execute(db);
};

/** The daily counts those messages and requests leave behind, as intake and processing keep them. */
const dailyCounts = (services: string[]): DailyCount[] => {
  const counts: DailyCount[] = [];
  const perDay = MESSAGES / 365;
  for (let d = 0; d < 365; d += 1) {
    const day = formatLocalDate(addDays(parseLocalDate(YEAR.from), d));
    const add = (metric: string, key: string, n: number) => counts.push({ day, metric, key, n: Math.round(n) });
    add(METRIC.received, '', perDay);
    add(METRIC.sent, '', perDay * 1.2);
    add(METRIC.receivedByCountry, 'BR', perDay);
    for (const [state, share] of STATES) add(METRIC.receivedByState, state, perDay * share);
    for (const [hours, share] of HOURS) add(METRIC.receivedByHours, hours, perDay * share);
    for (const code of services) add(METRIC.receivedByService, code, perDay / services.length);
    for (const code of services) add(METRIC.requestsByService, code, REQUESTS / 365 / services.length);
    add(METRIC.requestsClosed, 'concluido', (REQUESTS / 365) * 0.8);
    add(METRIC.requestsDeadline, 'on_time', (REQUESTS / 365) * 0.6);
    add(METRIC.requestsDeadline, 'late', (REQUESTS / 365) * 0.2);
  }
  return counts;
};

/** A year's summary (and the year before, as the API gives) over this many messages, on SQLite. */
export const benchReportSummary = async (): Promise<void> => {
  const city = loadCityProfile(fromRoot('city', 'palmas'));
  const services = city.catalog.services.map((s) => s.code);
  const database = sqliteDatabase();
  const storage = openStorage(database.url);
  try {
    await migrateToLatest(storage);
    const repos = createRepositories(storage.dialect);
    const seeding = performance.now();
    await seedRaw(storage, services);
    const counts = dailyCounts(services);
    for (let i = 0; i < counts.length; i += 500) await repos.dailyCounts.add(storage.db, counts.slice(i, i + 500));
    const seededS = (performance.now() - seeding) / 1000;
    const timings: number[] = [];
    let received = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const [year] = await Promise.all([reportSummary(storage.db, repos, city, YEAR), reportSummary(storage.db, repos, city, previousRange(YEAR))]);
      timings.push(performance.now() - started);
      received = year.messagesReceived;
    }
    timings.sort((a, b) => a - b);
    console.log(`\n## report summary (SQLite)\n${MESSAGES.toLocaleString('en')} messages, ${REQUESTS.toLocaleString('en')} requests, ${CITIZENS.toLocaleString('en')} citizens stored (seeded in ${seededS.toFixed(0)} s)`);
    console.log(`a year's summary plus the year before, ${RUNS} runs: p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms (goal < 200 ms); messages counted ${received.toLocaleString('en')}`);
  } finally {
    await storage.close();
    await database.drop();
  }
};
