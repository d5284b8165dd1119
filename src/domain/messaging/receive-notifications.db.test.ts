import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
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
  const current = useMigratedStorage(create);

  it('stores a batch once, counting repeats within it and across deliveries as duplicates, jobs in order', async () => {
    const results = await receiveNotifications(current.storage.db, current.repos, [
      notification(message('w1', 'ana'), message('w2', 'ana')),
      notification(message('w1', 'ana'), message('w3', 'bia')),
    ], 0, 'America/Araguaina');
    expect(results.map((r) => [r.accepted, r.duplicates])).toEqual([[2, 0], [1, 1]]);
    const again = await receiveNotifications(current.storage.db, current.repos, [notification(message('w2', 'ana'))], 1, 'America/Araguaina');
    expect(again[0]).toMatchObject({ accepted: 0, duplicates: 1 });
    const jobs = await current.storage.db.selectFrom('jobs').select(['group_key', 'payload']).orderBy('id').execute();
    expect(jobs.map((j) => [j.group_key, JSON.parse(j.payload).wamid])).toEqual([['ana', 'w1'], ['ana', 'w2'], ['bia', 'w3']]);
  });
});
