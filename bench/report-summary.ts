import { loadCityProfile } from '../src/config/city-profile.js';
import { previousRange, reportSummary } from '../src/domain/reports/index.js';
import { fromRoot } from '../src/platform/paths.js';
import { openStorage, type Storage } from '../src/storage/database.js';
import { createRepositories } from '../src/storage/repositories/index.js';
import { createDatabase, type Engine } from './bench-server.js';
import { percentile } from './stats.js';
import { STORED_CITIZENS, STORED_MESSAGES, STORED_REQUESTS, YEAR, seedStored } from './stored.js';

const RUNS = 30;

export interface ReportTiming {
  p50Ms: number;
  p95Ms: number;
  messagesCounted: number;
}

/** A year's summary plus the year before (as the API gives), RUNS times, over a database `seedStored` filled. */
export const measureReportSummary = async (storage: Storage): Promise<ReportTiming> => {
  const city = loadCityProfile(fromRoot('city', 'palmas'));
  const repos = createRepositories(storage.dialect);
  const timings: number[] = [];
  let messagesCounted = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const [year] = await Promise.all([reportSummary(storage.db, repos, city, YEAR), reportSummary(storage.db, repos, city, previousRange(YEAR))]);
    timings.push(performance.now() - started);
    messagesCounted = year.messagesReceived;
  }
  timings.sort((a, b) => a - b);
  return { p50Ms: percentile(timings, 50), p95Ms: percentile(timings, 95), messagesCounted };
};

/** The report suite on its own: seeded, measured, then dropped; SQLite, or PostgreSQL with BENCH_ENGINE=postgres. */
export const benchReportSummary = async (): Promise<void> => {
  const engine: Engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
  const database = await createDatabase(engine);
  const storage = openStorage(database.url);
  try {
    const seededS = await seedStored(storage);
    const timing = await measureReportSummary(storage);
    console.log(`\n## report summary (${engine})\n${STORED_MESSAGES.toLocaleString('en')} messages, ${STORED_REQUESTS.toLocaleString('en')} requests, ${STORED_CITIZENS.toLocaleString('en')} citizens stored (seeded in ${seededS.toFixed(0)} s)`);
    console.log(`a year's summary plus the year before, ${RUNS} runs: p50 ${timing.p50Ms.toFixed(1)} ms, p95 ${timing.p95Ms.toFixed(1)} ms (goal < 200 ms); messages counted ${timing.messagesCounted.toLocaleString('en')}`);
  } finally {
    await storage.close();
    await database.drop();
  }
};
