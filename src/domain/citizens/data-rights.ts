import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { toCitizenProfile, toDataRequest } from './mapping.js';
import type { DataRequest, StoredDataSummary } from './types.js';

/** "meus dados": what we keep about the citizen, as plain data for the conversation (or the console) to word. */
export const describeStoredData = async (db: Executor, repos: Repositories, key: string): Promise<StoredDataSummary> => {
  const citizen = await repos.citizens.byKey(db, key);
  const row = await repos.citizens.profileByKey(db, key);
  const profile = toCitizenProfile(key, citizen, row);
  const counts = await repos.citizens.storedCounts(db, key);
  const dataRequests = (await repos.dataRequests.forCitizen(db, key)).map(toDataRequest);
  return {
    contact: { waId: profile.waId, profileName: profile.profileName, firstSeenAt: profile.firstSeenAt, lastInboundAt: profile.lastInboundAt },
    registration: { name: profile.name, place: profile.place },
    consent: profile.consent,
    broadcast: profile.broadcast,
    topics: profile.broadcast.optedIn ? await repos.consent.topicsOf(db, key) : [],
    counts,
    dataRequests,
  };
};

/**
 * "apagar meus dados": records the deletion request, shown on the citizen's page until the erasure job (see
 * eraseOnCitizenRequest) carries it out and removes it with the rest. Asking again while one is open returns it.
 */
export const requestDataDeletion = async (
  db: Executor,
  repos: Repositories,
  key: string,
  now: number,
): Promise<{ request: DataRequest; alreadyOpen: boolean }> =>
  inTransaction(db, async (tx) => {
    const created = await repos.dataRequests.insertIfNoneOpen(tx, key, 'deletion', now);
    if (created) return { request: toDataRequest(created), alreadyOpen: false };
    const open = await repos.dataRequests.openFor(tx, key, 'deletion');
    if (!open) throw new Error(`deletion request of ${key} neither created nor open`);
    return { request: toDataRequest(open), alreadyOpen: true };
  });
