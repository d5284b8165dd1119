import { sqliteDatabase } from '../test/support/databases.js';
import { ScriptedGraph } from '../test/support/scripted-graph.js';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { peakRssMiB } from './machine.js';
import { BENCH_PHONE_NUMBER_ID, BENCH_SECRET } from './notifications.js';

export interface BenchServer {
  server: ServerProcess;
  graph: ScriptedGraph;
  /** Stops everything and returns the server's peak resident memory. */
  stop(): Promise<number | undefined>;
}

/** The real server in its own process, on a fresh SQLite file, with an always-accepting Graph API stand-in. */
export const startBenchServer = async (env: Record<string, string>): Promise<BenchServer> => {
  const graph = new ScriptedGraph();
  await graph.start();
  const database = sqliteDatabase();
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    WHATSAPP_GRAPH_URL: graph.url,
    WHATSAPP_ACCESS_TOKEN: 'bench-token',
    WHATSAPP_PHONE_NUMBER_ID: BENCH_PHONE_NUMBER_ID,
    WHATSAPP_APP_SECRET: BENCH_SECRET,
    LOG_LEVEL: 'error',
    ...env,
  });
  return {
    server,
    graph,
    stop: async () => {
      const rss = await peakRssMiB(server.child.pid);
      await server.kill();
      await graph.stop();
      await database.drop();
      return rss;
    },
  };
};
