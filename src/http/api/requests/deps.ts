import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { CityProfile } from '../../../config/city-profile.js';
import type { PublicUser } from '../../../domain/attendants/users.js';
import type { RequestNotifier, RequestViewer } from '../../../domain/requests/index.js';
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
  requireUser: preHandlerAsyncHookHandler;
}

export const security = [{ session: [] }];

/** The signed-in user as the requests domain sees them (requireUser ran before). */
export const viewerOf = (request: FastifyRequest): RequestViewer => {
  const { id, role, departmentId } = request.user as PublicUser;
  return { id, role, departmentId };
};
