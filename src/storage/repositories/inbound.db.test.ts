import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import type { NewInbound } from './inbound.repository.js';

const message = (wamid: string, citizenKey: string, text = 'oi'): NewInbound => ({
  wamid, citizenKey, phoneNumberId: '106540352242922', type: 'text', sentAt: 1_764_331_200_000, payload: { content: { type: 'text', body: text } },
});

/** Quotes, a backslash, an escaped NUL and a lone surrogate: each kept as it came. */
const AWKWARD_TEXT = 'ç"\\\'\u0000\ud83d fim';

describe.each(dialects)('inbound messages with their jobs on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('stores each new message once with one job, in order per citizen, and ignores redeliveries', async () => {
    const { db } = current.storage;
    const { inbound, jobs } = current.repos;
    const first = await inbound.insertManyWithJobs(db, [message('w1', 'ana'), message('w2', 'bia'), message('w3', 'ana'), message('w1', 'ana')], 'inbound.process', 10);
    expect(first).toEqual(expect.arrayContaining(['w1', 'w2', 'w3']));
    expect(first).toHaveLength(3);
    // A redelivery of w2 alongside a new message.
    expect(await inbound.insertManyWithJobs(db, [message('w2', 'bia'), message('w4', 'ana', AWKWARD_TEXT)], 'inbound.process', 20)).toEqual(['w4']);
    const queued = await db.selectFrom('jobs').select(['kind', 'group_key', 'payload', 'status', 'run_at']).orderBy('id').execute();
    expect(queued.map((job) => [job.group_key, JSON.parse(job.payload)])).toEqual([
      ['ana', { wamid: 'w1' }], ['bia', { wamid: 'w2' }], ['ana', { wamid: 'w3' }], ['ana', { wamid: 'w4' }],
    ]);
    expect(new Set(queued.map((job) => `${job.kind}:${job.status}`))).toEqual(new Set(['inbound.process:pending']));
    // One citizen's jobs are claimed in the order their messages came.
    const claimed = await jobs.claim(db, 30, 10, 1_000, new Set());
    expect(claimed.map((job) => JSON.parse(job.payload))).toEqual([{ wamid: 'w1' }, { wamid: 'w2' }]);
    expect(JSON.parse((await inbound.byWamid(db, 'w4'))!.payload)).toEqual({ content: { type: 'text', body: AWKWARD_TEXT } });
  });

  it('stores nothing when asked to store nothing', async () => {
    expect(await current.repos.inbound.insertManyWithJobs(current.storage.db, [], 'inbound.process', 10)).toEqual([]);
  });
});
