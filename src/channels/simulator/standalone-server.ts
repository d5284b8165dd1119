import Fastify from 'fastify';
import { registerSimulatorRoutes } from './register-routes.js';
import { GRAPH_PREFIX, Simulator } from './simulator.js';
import type { SimulatorOptions } from './types.js';

export interface StandaloneSimulator {
  /** Origin of the simulator's own server, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** What the app's `WHATSAPP_GRAPH_URL` should be. */
  graphUrl: string;
  simulator: Simulator;
  close(): Promise<void>;
}

/**
 * Runs the simulator on its own Fastify server on 127.0.0.1 (port 0 = any free port), as the Graph API of a
 * separate app process: end-to-end tests and benchmarks.
 */
export const startSimulatorServer = async (
  options: Omit<SimulatorOptions, 'publicBaseUrl'> & { port?: number },
): Promise<StandaloneSimulator> => {
  const { port = 0, ...simulatorOptions } = options;
  let url = '';
  const simulator = new Simulator({ ...simulatorOptions, publicBaseUrl: () => url });
  const app = Fastify({ logger: false, forceCloseConnections: true });
  await registerSimulatorRoutes(app, simulator);
  try {
    url = await app.listen({ host: '127.0.0.1', port });
  } catch (error) {
    await simulator.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    graphUrl: `${url}${GRAPH_PREFIX}`,
    simulator,
    close: () => {
      closing ??= simulator.close().then(() => app.close());
      return closing;
    },
  };
};
