import type { FastifyInstance } from 'fastify';
import type { RequestsRoutesDeps } from './deps.js';
import { registerRequestIntakeRoutes } from './intake.routes.js';
import { registerPlacesRoutes } from './places.routes.js';
import { registerRequestReadRoutes } from './read.routes.js';
import { registerRequestWriteRoutes } from './write.routes.js';

export type { RequestsRoutesDeps } from './deps.js';

/** The console's service requests: lists, a request's page, staff changes and phone intake. */
export const registerRequestsRoutes = (app: FastifyInstance, deps: RequestsRoutesDeps): void => {
  registerRequestReadRoutes(app, deps);
  registerRequestWriteRoutes(app, deps);
  registerRequestIntakeRoutes(app, deps);
  registerPlacesRoutes(app, deps);
};
