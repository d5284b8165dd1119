import { cpus, loadavg } from 'node:os';
import { openStorage } from '../src/storage/database.js';
import { benchPostgresUrl, benchRedisUrl, createDatabase, type Deployment, type Engine } from './bench-server.js';
import { measureBroadcast } from './broadcast.js';
import { INTAKE_CONNECTIONS, measureIntake, measureIntakeAgainstBare } from './intake.js';
import { describeMachine } from './machine.js';
import { check, figuresTable, loadTable, type Column, type Grid } from './matrix-table.js';
import { measureMemory } from './memory.js';
import { measureReplyLatency } from './reply-latency.js';
import { measureReportSummary } from './report-summary.js';
import { load1, progress } from './stats.js';
import { STORED_MESSAGES, seedStored } from './stored.js';
import type { TestDatabase } from '../test/support/databases.js';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 20_000);
const RATES = [200, 1000];

export const ROW = {
  bare: 'bare endpoint (HMAC + JSON.parse, stores nothing)',
  intake: 'intake, empty database (PROCESS_ROLE=web)',
  stored: `intake with ${(STORED_MESSAGES / 1e6).toLocaleString('en')} M messages stored`,
  reply200: 'reply latency at 200/s (POST → Graph)',
  reply1000: 'reply latency at 1,000/s (POST → Graph)',
  broadcast: 'broadcast efficiency (sent / Meta tier)',
  report: `report time at ${(STORED_MESSAGES / 1e6).toLocaleString('en')} M messages`,
  memory: 'memory per 1,000 active conversations',
} as const;

interface MatrixColumn extends Column {
  deployment: Deployment;
}

/** BENCH_COLUMNS=sqlite1,pg2 measures only those columns (labels without the dot). */
const chosen = process.env.BENCH_COLUMNS?.toLowerCase().split(',');
const notChosen = (column: MatrixColumn): MatrixColumn =>
  chosen && !column.notApplicable && !chosen.includes(column.label.toLowerCase().replace('·', '')) ? { ...column, notApplicable: 'not run (BENCH_COLUMNS)' } : column;

const columnsOf = (): MatrixColumn[] => {
  const noPostgres = benchPostgresUrl ? undefined : 'n/a (set TEST_DATABASE_URL)';
  return ([
    { label: 'SQLite·1', deployment: { engine: 'sqlite', instances: 1 } },
    { label: 'SQLite·2', deployment: { engine: 'sqlite', instances: 2 }, notApplicable: 'n/a (SQLite is one instance)' },
    { label: 'PG·1', deployment: { engine: 'postgres', instances: 1 }, ...(noPostgres ? { notApplicable: noPostgres } : {}) },
    { label: 'PG·2', deployment: { engine: 'postgres', instances: 2 }, ...(noPostgres || !benchRedisUrl ? { notApplicable: noPostgres ?? 'n/a (set TEST_REDIS_URL)' } : {}) },
  ] satisfies MatrixColumn[]).map(notChosen);
};

const n = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '?');
const times = (ratio: number): string => `${ratio.toFixed(2)} ×`;

/** Measures one figure of one column, keeping the load average around it; a failure is written in the cell. */
const measure = async <T>(grid: Grid, row: string, column: Column, run: () => Promise<T>, describe: (result: T) => string): Promise<T | undefined> => {
  const loadBefore = load1();
  progress(`${column.label}: ${row}…`);
  const cells = grid.get(row) ?? new Map();
  grid.set(row, cells);
  try {
    const result = await run();
    cells.set(column.label, { text: describe(result), loadBefore, loadAfter: load1() });
    progress(`${column.label}: ${row}: ${cells.get(column.label)?.text}`);
    return result;
  } catch (error) {
    cells.set(column.label, { text: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, loadBefore, loadAfter: load1() });
    progress(`${column.label}: ${row} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  }
};

/** Figures of a column kept for the next one: two instances are compared with one. */
type Kept = Map<string, number>;

const scaling = (kept: Kept, key: string, column: MatrixColumn, value: number): string => {
  const one = kept.get(`${key}:${column.deployment.engine}·1`);
  kept.set(`${key}:${column.deployment.engine}·${column.deployment.instances}`, value);
  if (column.deployment.instances < 2 || one === undefined) return '';
  return `; ${times(value / one)} one instance ${check(value / one >= 1.6)} (goal ≥ 1.6)`;
};

const measureColumn = async (grid: Grid, column: MatrixColumn, stored: TestDatabase | undefined, kept: Kept): Promise<void> => {
  const { deployment } = column;
  const goal = deployment.engine === 'sqlite' ? 0.5 : 0.35;
  const paired = await measure(grid, ROW.intake, column, () => measureIntakeAgainstBare(deployment), ({ ours: r, ratio, ratios }) =>
    `${n(r.perSecond)}/s, p99 ${r.p99Ms} ms${r.errors ? `, ${r.errors} errors` : ''} = ${times(ratio)} bare ${check(ratio >= goal)} (goal ≥ ${goal}; ` +
    `median of ${ratios.length} pairs, ${ratios.map((x) => x.toFixed(2)).join(' / ')})${scaling(kept, 'intake', column, r.perSecond)}`);
  const intakeCell = grid.get(ROW.intake)?.get(column.label);
  const bare = paired?.bare;
  // Measured in turns with the intake (see measureIntakeAgainstBare): the bare figure of the median pair.
  grid.set(ROW.bare, (grid.get(ROW.bare) ?? new Map()).set(column.label, { ...intakeCell, text: bare ? `${n(bare.perSecond)}/s, p99 ${bare.p99Ms} ms` : 'failed with the intake row' }));
  const empty = paired?.ours;
  if (stored) await measure(grid, ROW.stored, column, () => measureIntake('web', deployment, stored), (r) => {
    const change = empty ? r.perSecond / empty.perSecond - 1 : NaN;
    return `${n(r.perSecond)}/s, p99 ${r.p99Ms} ms = ${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)} % vs empty ${check(change >= -0.1)} (goal: at most 10 % slower)`;
  });
  for (const rate of RATES) {
    await measure(grid, rate === 200 ? ROW.reply200 : ROW.reply1000, column, () => measureReplyLatency(rate, deployment), (r) =>
      `p50 ${n(r.p50)} / p99 ${n(r.p99)} ms; answered ${n(r.answered)} of ${n(r.offered)}; acked ${n(r.ackedPerSecond)}/s, replies ${n(r.answeredPerSecond)}/s` +
      (rate === 1000 ? scaling(kept, 'replies', column, r.answeredPerSecond) : ''));
  }
  await measure(grid, ROW.broadcast, column, () => measureBroadcast(RECIPIENTS, deployment), (r) =>
    `${n(r.perSecond)}/s = ${((100 * r.perSecond) / r.maxMps).toFixed(1)} % of ${n(r.maxMps)}/s ${check(r.perSecond / r.maxMps >= 0.95)} (goal ≥ 95 %); ${n(r.accepted)} of ${n(r.recipients)}; busiest second ${r.sliding}`);
  await measure(grid, ROW.memory, column, () => measureMemory(deployment), (r) =>
    `${r.perThousandMiB >= 0 ? '+' : '−'}${Math.abs(r.perThousandMiB).toFixed(2)} MiB (RSS ${r.points.map((p) => `${n(p.rssMiB)} MiB at ${n(p.citizens)}`).join(' → ')})${r.failed ? `; ${r.failed} refused` : ''}`);
};

/**
 * Seeds the stored database once per engine and measures the report on it (the report does not depend on how many
 * instances run), then every column of that engine. A failed seed leaves the "stored" row unmeasured, not the rest.
 */
const measureEngine = async (grid: Grid, engine: Engine, columns: MatrixColumn[], kept: Kept): Promise<void> => {
  const stored = await createDatabase(engine);
  const [first] = columns;
  try {
    const storage = openStorage(stored.url);
    let seededS = NaN;
    const report = first && (await measure(grid, ROW.report, first, async () => {
      progress(`${engine}: seeding ${n(STORED_MESSAGES)} messages…`);
      seededS = await seedStored(storage);
      progress(`${engine}: seeded in ${seededS.toFixed(0)} s`);
      return measureReportSummary(storage);
    }, (r) => `p50 ${r.p50Ms.toFixed(1)} / p95 ${r.p95Ms.toFixed(1)} ms ${check(r.p95Ms < 200)} (goal < 200 ms); seeded in ${seededS.toFixed(0)} s`).finally(() => storage.close()));
    for (const other of columns.slice(1)) {
      grid.get(ROW.report)?.set(other.label, { text: report ? `same database and query as ${first.label} (a report is one request to one instance)` : '–' });
    }
    for (const column of columns) await measureColumn(grid, column, report ? stored : undefined, kept);
  } finally {
    await stored.drop();
  }
};

/** `npm run bench -- matrix`: every figure of issue 8 on SQLite and PostgreSQL, one and two instances, in one table. */
export const benchMatrix = async (): Promise<void> => {
  const columns = columnsOf();
  const grid: Grid = new Map();
  const kept: Kept = new Map();
  const loadAtStart = loadavg();
  for (const engine of ['sqlite', 'postgres'] as const) {
    const measured = columns.filter((c) => c.deployment.engine === engine && !c.notApplicable);
    if (measured.length > 0) await measureEngine(grid, engine, measured, kept);
  }
  const rows = Object.values(ROW);
  console.log('\n## Matrix: SQLite and PostgreSQL, one and two instances');
  console.log(`machine: ${describeMachine()}; ${cpus().length} cores; load average (1/5/15 min) at start ${loadAtStart.map((l) => l.toFixed(2)).join(' / ')}, at end ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  console.log(`intake: autocannon, ${INTAKE_CONNECTIONS} connections, ${process.env.BENCH_DURATION_S ?? 10} s; replies: ${process.env.BENCH_DURATION_S ?? 10} s at each rate; broadcast: ${n(RECIPIENTS)} recipients; two instances: round-robin balancer, PostgreSQL + Redis\n`);
  console.log(figuresTable(rows, columns, grid));
  console.log('\n### Load average (1 min) before → after each figure\n');
  console.log(loadTable(rows, columns, grid));
};
