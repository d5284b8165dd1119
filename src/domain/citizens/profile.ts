import { createHash } from 'node:crypto';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { Citizen } from '../../storage/schema.js';
import { broadcastOf, consentOf, toCitizenProfile } from './mapping.js';
import type { BroadcastSource, BroadcastState, CitizenProfile, ConsentState } from './types.js';

/** The citizen as we know them, or undefined when they never wrote and registered nothing. */
export const getCitizenProfile = async (db: Executor, repos: Repositories, key: string): Promise<CitizenProfile | undefined> => {
  const [citizen, row] = [await repos.citizens.byKey(db, key), await repos.citizens.profileByKey(db, key)];
  return citizen || row ? toCitizenProfile(key, citizen, row) : undefined;
};

/** The profile of a citizen already read (each message's conversation turn has the row at hand). */
export const profileOfCitizen = async (db: Executor, repos: Repositories, citizen: Citizen): Promise<CitizenProfile> =>
  toCitizenProfile(citizen.key, citizen, await repos.citizens.profileByKey(db, citizen.key));

/**
 * A short version id of the privacy notice a citizen answers: a hash of its words and the policy link, so a
 * changed notice gets a new id without anyone numbering versions by hand.
 */
export const privacyNoticeVersion = (city: { texts: Record<string, string>; privacyPolicyUrl: string }, textKey = 'consent.ask'): string =>
  createHash('sha256')
    .update(`${city.texts[textKey] ?? ''}\n${city.privacyPolicyUrl}`)
    .digest('hex')
    .slice(0, 12);

/** Records the answer to the privacy notice; a later answer replaces the current one (the first acceptance time stays). */
export const recordConsent = async (
  db: Executor,
  repos: Repositories,
  key: string,
  answer: { accepted: boolean; notice: string },
  now: number,
): Promise<ConsentState> => {
  const row = await repos.citizens.updateProfile(
    db,
    key,
    answer.accepted
      ? { consent_accepted_at: now, consent_declined_at: null, consent_notice: answer.notice }
      : { consent_declined_at: now, consent_notice: answer.notice },
    now,
  );
  return consentOf(row);
};

/** Joins or leaves the broadcast list; leaving keeps when they had joined, for the record. */
export const setBroadcastOptIn = async (
  db: Executor,
  repos: Repositories,
  key: string,
  optedIn: boolean,
  source: BroadcastSource,
  now: number,
): Promise<BroadcastState> => {
  const row = await repos.citizens.updateProfile(
    db,
    key,
    optedIn
      ? { broadcast_opted_in_at: now, broadcast_opted_out_at: null, broadcast_source: source }
      : { broadcast_opted_out_at: now, broadcast_source: source },
    now,
  );
  return broadcastOf(row);
};
