import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { toRequestEvent, toServiceRequest } from './mapping.js';
import type { ServiceRequest, ServiceRequestWithHistory } from './types.js';

/** One request with its full history, by canonical protocol (staff, Open311). */
export const findRequest = async (db: Executor, repos: Repositories, protocol: string): Promise<ServiceRequestWithHistory | undefined> => {
  const row = await repos.requests.byProtocol(db, protocol);
  if (!row) return undefined;
  const events = await repos.requests.events(db, row.id);
  return { ...toServiceRequest(row), history: events.map(toRequestEvent) };
};

/**
 * The citizen's own request with its history, or one they follow (their report was linked to it). Undefined both
 * when the protocol does not exist and when it is someone else's: the answer never tells which. `protocol` is
 * canonical (see parseProtocol).
 */
export const findCitizenRequest = async (
  db: Executor,
  repos: Repositories,
  protocol: string,
  citizenKey: string,
): Promise<ServiceRequestWithHistory | undefined> => {
  const row = await repos.requests.byProtocol(db, protocol);
  if (!row) return undefined;
  if (row.citizen_key !== citizenKey && !(await repos.followers.follows(db, Number(row.id), citizenKey))) return undefined;
  const events = await repos.requests.events(db, row.id);
  return { ...toServiceRequest(row), history: events.map(toRequestEvent) };
};

export const MAX_LIST = 50;

/** The citizen's requests, newest first (without history). */
export const listCitizenRequests = async (db: Executor, repos: Repositories, citizenKey: string, limit = 10): Promise<ServiceRequest[]> => {
  const rows = await repos.requests.forCitizen(db, citizenKey, Math.max(1, Math.min(limit, MAX_LIST)));
  return rows.map(toServiceRequest);
};
