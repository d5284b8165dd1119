import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { getCitizenProfile, setBroadcastOptIn } from './profile.js';

/** Where a consent was given: the citizen in conversation, or staff recording what a citizen asked by phone. */
export interface ConsentContext {
  /** The words the citizen was shown when they answered (the question or the confirmation sent). */
  wording: string;
  channel: 'whatsapp' | 'console';
}

export interface TopicChange {
  subscribe: readonly string[];
  unsubscribe: readonly string[];
}

/**
 * Joins or leaves the broadcast list as a whole, recorded with its wording. Leaving ends every topic too: after
 * SAIR nothing is sent, whatever topics were chosen before.
 */
export const setBroadcastsConsent = async (db: Executor, repos: Repositories, key: string, optedIn: boolean, context: ConsentContext, now: number): Promise<void> => {
  await setBroadcastOptIn(db, repos, key, optedIn, context.channel, now);
  await repos.consent.record(db, { citizenKey: key, subject: 'broadcasts', topicId: null, granted: optedIn, ...context }, now);
  if (!optedIn) await repos.consent.removeTopics(db, key);
};

/**
 * Adds and removes broadcast topics, each recorded with its wording; topics the city does not have are ignored.
 * Choosing a topic also joins the list (a topic alone would never reach anyone). Returns the topics received now.
 */
export const changeTopics = async (
  db: Executor,
  repos: Repositories,
  key: string,
  change: TopicChange,
  known: readonly string[],
  context: ConsentContext,
  now: number,
): Promise<string[]> => {
  const before = new Set(await repos.consent.topicsOf(db, key));
  const added = change.subscribe.filter((id) => known.includes(id) && !before.has(id));
  const removed = change.unsubscribe.filter((id) => before.has(id));
  if (added.length > 0 && !(await getCitizenProfile(db, repos, key))?.broadcast.optedIn) await setBroadcastsConsent(db, repos, key, true, context, now);
  await repos.consent.addTopics(db, key, added, now);
  await repos.consent.removeTopics(db, key, removed);
  for (const topicId of added) await repos.consent.record(db, { citizenKey: key, subject: 'topic', topicId, granted: true, ...context }, now);
  for (const topicId of removed) await repos.consent.record(db, { citizenKey: key, subject: 'topic', topicId, granted: false, ...context }, now);
  return repos.consent.topicsOf(db, key);
};
