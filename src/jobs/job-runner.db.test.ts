import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../test/support/databases.js';
import { systemClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import { createMetrics } from '../platform/metrics.js';
import { JobRunner } from './job-runner.js';

const eventually = async (check: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe.each(dialects)('job runner on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('records a failed job for its retry even when the database refuses the first tries', async () => {
    const { db } = current.storage;
    const { jobs } = current.repos;
    const record = jobs.scheduleRetry.bind(jobs);
    let refusals = 2;
    jobs.scheduleRetry = async (...args) => {
      if (refusals > 0) {
        refusals -= 1;
        throw new Error('Connection terminated unexpectedly');
      }
      return record(...args);
    };
    await jobs.enqueue(db, { kind: 'notify', payload: {} }, Date.now());
    const runner = new JobRunner({
      db, jobs, clock: systemClock, logger: createLogger('silent'), metrics: createMetrics(), concurrency: 1,
      handlers: { notify: async () => Promise.reject(new Error('Graph API fora do ar')) },
    });
    runner.start();
    try {
      await eventually(async () => (await db.selectFrom('jobs').select('last_error').executeTakeFirst())?.last_error === 'Graph API fora do ar');
    } finally {
      await runner.stop();
    }
    const job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Graph API fora do ar' });
    expect(Number(job.run_at)).toBeGreaterThan(Date.now());
  });
});
