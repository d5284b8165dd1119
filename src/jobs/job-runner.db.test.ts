import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../test/support/databases.js';
import { eventually, failFirstCalls } from '../../test/support/faults.js';
import { systemClock } from '../platform/clock.js';
import { createLogger } from '../platform/logger.js';
import { createMetrics } from '../platform/metrics.js';
import { JobRunner } from './job-runner.js';

describe.each(dialects)('job runner on $name', ({ name, create }) => {
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

  it.runIf(name === 'postgres')('refreshes PostgreSQL\'s statistics of the jobs once a claim finds more waiting than it can take', async () => {
    const { db } = current.storage;
    const { jobs } = current.repos;
    const analyses = async () => Number((await sql<{ n: number }>`select analyze_count as n from pg_stat_user_tables where relname = 'jobs'`.execute(db)).rows[0]?.n);
    const before = await analyses();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const runner = new JobRunner({
      db, jobs, clock: systemClock, logger: createLogger('silent'), metrics: createMetrics(), concurrency: 2,
      handlers: { answer: async (payload) => { ran.push(String((payload as { citizen: string }).citizen)); await held; } },
    });
    // One job waits: the claim finds less than it could take, and the statistics are left alone.
    await jobs.enqueue(db, { kind: 'answer', payload: { citizen: 'a' }, groupKey: 'a' }, Date.now());
    runner.start();
    try {
      await eventually(async () => ran.length === 1);
      expect(await analyses()).toBe(before);
      release();
      await eventually(async () => (await jobs.countByStatus(db)).done === 1);
      // Six citizens' messages arrive at once: two slots, so the claim comes back full.
      await jobs.enqueueMany(db, ['b', 'c', 'd', 'e', 'f', 'g'].map((citizen) => ({ kind: 'answer', payload: { citizen }, groupKey: citizen })), Date.now());
      runner.wake.notify();
      await eventually(async () => (await jobs.countByStatus(db)).done === 7);
      await eventually(async () => (await analyses()) >= before + 1);
    } finally {
      await runner.stop();
    }
    expect(ran).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
