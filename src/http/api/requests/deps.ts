import type { onRequestAsyncHookHandler } from 'fastify';
import type { CityProfile } from '../../../config/city-profile.js';
import type { RequestNotifier } from '../../../domain/requests/index.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../storage/database.js';
import type { Repositories } from '../../../storage/repositories/index.js';

export interface RequestsRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  city: Pick<CityProfile, 'catalog' | 'departments' | 'places' | 'calendar'>;
  /** Queues the WhatsApp notices of status changes and phone intake. */
  notifier: RequestNotifier;
  /** Every signed-in user; what each may do is checked per request by role and department. */
  requireUser: onRequestAsyncHookHandler;
}

export const security = [{ session: [] }];

export { viewerOf } from '../viewer.js';
