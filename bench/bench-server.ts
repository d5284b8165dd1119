import { spawn } from 'node:child_process';
import { startLocalCluster } from '../src/cluster/local-cluster.js';
import { fromRoot } from '../src/platform/paths.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../test/support/databases.js';
import { ScriptedGraph } from '../test/support/scripted-graph.js';
import { freePort, startServerProcess } from '../test/support/server-process.js';
import { builtServer } from './built-server.js';
import { peakRssMiB } from './machine.js';
import { BENCH_PHONE_NUMBER_ID, BENCH_SECRET } from './notifications.js';

export type Engine = 'sqlite' | 'postgres';

/** One column of the matrix: a database engine and how many instances share it. */
export interface Deployment {
  engine: Engine;
  instances: number;
}

export const SQLITE_ONE: Deployment = { engine: 'sqlite', instances: 1 };

/** PostgreSQL and Redis for the bench: the servers the tests use (each run makes and drops its own database). */
export const benchPostgresUrl = process.env.TEST_DATABASE_URL;
export const benchRedisUrl = process.env.TEST_REDIS_URL;

export const createDatabase = (engine: Engine): Promise<TestDatabase> =>
  engine === 'postgres' ? postgresDatabase(benchPostgresUrl) : Promise.resolve(sqliteDatabase());

export interface BenchServer {
  /** Where webhooks go: the server, or the balancer in front of the instances. */
  url: string;
  pids: number[];
  /** The always-accepting Graph API stand-in, unless `graphUrl` pointed at another one. */
  graph: ScriptedGraph;
  output(): string;
  /** Stops everything and returns the servers' peak resident memory, summed over instances. */
  stop(): Promise<number | undefined>;
}

export interface BenchServerOptions {
  deployment?: Deployment;
  env?: Record<string, string>;
  /** A database to run on and keep (the 10 M-stored one); otherwise a fresh one, dropped at stop. */
  database?: TestDatabase;
  /** A Graph API already running (the simulator); otherwise the ScriptedGraph answers. */
  graphUrl?: string;
  /** The port webhooks must reach (the simulator posts there). */
  port?: number;
}

const sumOf = (values: Array<number | undefined>): number | undefined =>
  values.some((v) => v === undefined) ? undefined : values.reduce<number>((sum, v) => sum + (v ?? 0), 0);

/**
 * The real server in its own process (or N of them behind the round-robin balancer in its own process, sharing
 * PostgreSQL and Redis as a cluster deploys), on a fresh database, with an always-accepting Graph API stand-in for Meta.
 */
export const startBenchServer = async (options: BenchServerOptions = {}): Promise<BenchServer> => {
  const deployment = options.deployment ?? SQLITE_ONE;
  const graph = new ScriptedGraph();
  if (!options.graphUrl) await graph.start();
  const database = options.database ?? (await createDatabase(deployment.engine));
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    WHATSAPP_GRAPH_URL: options.graphUrl ?? graph.url,
    WHATSAPP_ACCESS_TOKEN: 'bench-token',
    WHATSAPP_PHONE_NUMBER_ID: BENCH_PHONE_NUMBER_ID,
    WHATSAPP_APP_SECRET: BENCH_SECRET,
    LOG_LEVEL: 'error',
    ...(deployment.instances > 1 && benchRedisUrl ? { REDIS_URL: benchRedisUrl } : {}),
    ...options.env,
  };
  const stopAll = async (stopServers: () => Promise<void>, pids: number[]) => {
    const rss = sumOf(await Promise.all(pids.map((pid) => peakRssMiB(pid))));
    await stopServers();
    await release();
    return rss;
  };
  const release = async () => {
    if (!options.graphUrl) await graph.stop();
    if (!options.database) await database.drop();
  };
  try {
    const started = deployment.instances === 1 ? await startOne(env, options.port, stopAll) : await startMany(deployment.instances, env, options.port, stopAll);
    return { ...started, graph };
  } catch (error) {
    await release();
    throw error;
  }
};

type StopAll = (stopServers: () => Promise<void>, pids: number[]) => Promise<number | undefined>;
type Started = Omit<BenchServer, 'graph'>;

const startOne = async (env: Record<string, string>, port: number | undefined, stopAll: StopAll): Promise<Started> => {
  const server = await startServerProcess(env, port, await builtServer());
  const pids = server.child.pid ? [server.child.pid] : [];
  return { url: server.url, pids, output: server.output, stop: () => stopAll(() => server.kill(), pids) };
};

const startMany = async (instances: number, env: Record<string, string>, port: number | undefined, stopAll: StopAll): Promise<Started> => {
  let output = '';
  const instancePorts = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const cluster = await startLocalCluster({
    instances, port: await freePort(), instancePorts,
    env: { ...process.env, ...env }, command: await builtServer(), onOutput: (_, text) => (output += text),
  });
  const balancer = await startBalancerProcess(port ?? (await freePort()), cluster.instanceUrls).catch(async (error: unknown) => {
    await cluster.stop();
    throw error;
  });
  const pids = cluster.children.flatMap((child) => (child.pid ? [child.pid] : []));
  return { url: balancer.url, pids, output: () => output, stop: () => stopAll(async () => {
    await balancer.stop();
    await cluster.stop();
  }, pids) };
};

/** The same round-robin balancer as the cluster's, in its own process (bench/balancer.ts); webhooks go through it. */
const startBalancerProcess = async (port: number, instanceUrls: string[]): Promise<{ url: string; stop(): Promise<void> }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('bench', 'balancer.ts'), String(port), ...instanceUrls], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`balancer exited with code ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
};
