import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, type TestDatabase } from '../../../test/support/databases.js';
import { openStorage, type Storage } from '../../storage/database.js';
import { migrateToLatest } from '../../storage/migrate.js';
import { createRepositories, type Repositories } from '../../storage/repositories/index.js';
import type { InboundMessage, ParsedNotification } from './notification.js';
import { receiveNotifications } from './receive-notification.js';

const message = (wamid: string, citizenKey: string): InboundMessage => ({
  wamid,
  citizenKey,
  waId: citizenKey,
  userId: undefined,
  profileName: 'Ana',
  phoneNumberId: '1',
  type: 'text',
  sentAt: 0,
  content: { type: 'text', body: wamid },
  raw: { message: {}, contact: {} },
});

const notification = (...messages: InboundMessage[]): ParsedNotification => ({ messages, statuses: [], kept: [] });

describe.each(dialects)('receiveNotifications on $name', ({ create }) => {
  let database: TestDatabase;
  let storage: Storage;
  let repos: Repositories;

  beforeEach(async () => {
    database = await create();
    storage = openStorage(database.url);
    await migrateToLatest(storage);
    repos = createRepositories(storage.dialect);
  });

  afterEach(async () => {
    await storage.close();
    await database.drop();
  });

  it('stores a batch once, counting repeats within it and across deliveries as duplicates, jobs in order', async () => {
    const results = await receiveNotifications(storage.db, repos, [
      notification(message('w1', 'ana'), message('w2', 'ana')),
      notification(message('w1', 'ana'), message('w3', 'bia')),
    ], 0);
    expect(results.map((r) => [r.accepted, r.duplicates])).toEqual([[2, 0], [1, 1]]);
    const again = await receiveNotifications(storage.db, repos, [notification(message('w2', 'ana'))], 1);
    expect(again[0]).toMatchObject({ accepted: 0, duplicates: 1 });
    const jobs = await storage.db.selectFrom('jobs').select(['group_key', 'payload']).orderBy('id').execute();
    expect(jobs.map((j) => [j.group_key, JSON.parse(j.payload).wamid])).toEqual([['ana', 'w1'], ['ana', 'w2'], ['bia', 'w3']]);
  });
});
