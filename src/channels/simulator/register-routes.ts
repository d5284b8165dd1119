import type { FastifyInstance, FastifySchema } from 'fastify';
import { registerGraphRoutes } from './graph-routes.js';
import { registerPageApiRoutes } from './page-api-routes.js';
import { registerPageRoutes } from './page-routes.js';
import { GRAPH_PREFIX, type Simulator } from './simulator.js';

/** Keeps the simulator's routes out of the host's OpenAPI description (`hide` is read by @fastify/swagger). */
const hideFromApiDocs = (scope: FastifyInstance): void => {
  scope.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true } as FastifySchema;
  });
};

/**
 * Mounts the fake Graph API under `/_simulator/graph` (Graph base URL `${origin}/_simulator/graph`), the chat
 * page at `/simulador` and its API under `/simulador/api/`. Uses the host's JSON parser; adds a multipart
 * parser only inside the Graph scope. Open event streams are ended before the server closes.
 */
export const registerSimulatorRoutes = async (app: FastifyInstance, simulator: Simulator): Promise<void> => {
  await app.register(
    async (scope) => {
      hideFromApiDocs(scope);
      registerGraphRoutes(scope, simulator);
    },
    { prefix: GRAPH_PREFIX },
  );
  await app.register(async (scope) => {
    hideFromApiDocs(scope);
    registerPageRoutes(scope);
    registerPageApiRoutes(scope, simulator);
    scope.addHook('preClose', async () => simulator.endStreams());
  });
};
