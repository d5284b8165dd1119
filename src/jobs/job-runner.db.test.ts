import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../test/support/databases.js';
import { eventually, failFirstCalls } from '../../test/support/faults.js';
import { systemClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import { createMetrics } from '../platform/metrics.js';
import { JobRunner } from './job-runner.js';

describe.each(dialects)('job runner on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('records a failed job for its retry even when the database refuses the first tries', async () => {
    const { db } = current.storage;
    const { jobs } = current.repos;
    const refusals = failFirstCalls(jobs, 'scheduleRetry', 2);
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
    expect(refusals.remaining()).toBe(0);
    const job = await db.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Graph API fora do ar' });
    expect(Number(job.run_at)).toBeGreaterThan(Date.now());
  });
});
