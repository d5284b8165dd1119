import type { PresentCity } from '../../domain/open311/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

export interface Open311Deps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  city: PresentCity;
  /** Values of jurisdiction_id this endpoint answers to (it serves one city; the parameter may be left out). */
  jurisdictionIds: readonly string[];
  /** Keys from OPEN311_API_KEYS; keys issued in the console are checked in the database. */
  configuredKeys: readonly string[];
  /** Base URL the endpoint is published at (PUBLIC_URL), else taken from each request's host. */
  publicUrl: string | undefined;
  /** 'test' when no real WhatsApp number is connected (simulator mode): nothing reaches a citizen. */
  endpointType: 'production' | 'test';
  /** When the service list last changed (the catalog file or a console edit), ISO 8601. */
  changeset: () => string;
  contact: string;
}
