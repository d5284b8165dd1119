import { spawn, type ChildProcess } from 'node:child_process';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

/** How to start one instance: the program and its arguments, ending in `serve`. */
export interface InstanceCommand {
  file: string;
  args: string[];
}

export interface LocalClusterOptions {
  instances: number;
  /** Where the balancer listens; instances take the ports after it unless `instancePorts` says otherwise. */
  port: number;
  instancePorts?: number[];
  host?: string;
  /** The environment of every instance (DATABASE_URL of PostgreSQL, REDIS_URL, the WhatsApp settings…). */
  env: NodeJS.ProcessEnv;
  command: InstanceCommand;
  onOutput?: (instance: number, text: string) => void;
}

export interface LocalCluster {
  url: string;
  instanceUrls: string[];
  children: ChildProcess[];
  proxy: RoundRobinProxy;
  /** SIGTERM to every instance (each finishes what it holds), then the balancer. */
  stop(): Promise<void>;
}

const waitHealthy = async (url: string, child: ChildProcess, deadline: number): Promise<void> => {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance at ${url} exited with code ${child.exitCode}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return;
    if (Date.now() > deadline) throw new Error(`instance at ${url} did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
};

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * Several instances of the server on one machine behind a round-robin balancer: what a city runs when one process is
 * not enough, in miniature. They must share PostgreSQL (and Redis for rate limits and live events).
 */
export const startLocalCluster = async (options: LocalClusterOptions): Promise<LocalCluster> => {
  if (!options.env.DATABASE_URL?.startsWith('postgres')) throw new Error('a cluster needs DATABASE_URL of PostgreSQL: SQLite serves one process');
  const host = options.host ?? '127.0.0.1';
  const ports = Array.from({ length: options.instances }, (_, i) => options.instancePorts?.[i] ?? options.port + 1 + i);
  const instanceUrls = ports.map((port) => `http://${host}:${port}`);
  const children = ports.map((port, i) => {
    const child = spawn(options.command.file, options.command.args, {
      env: { ...options.env, PORT: String(port), HOST: host },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => options.onOutput?.(i, chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => options.onOutput?.(i, chunk.toString()));
    return child;
  });
  try {
    const deadline = Date.now() + 60_000;
    await Promise.all(instanceUrls.map((url, i) => waitHealthy(url, children[i] as ChildProcess, deadline)));
  } catch (error) {
    await Promise.all(children.map(stopChild));
    throw error;
  }
  const proxy = await startRoundRobinProxy(instanceUrls, options.port, host);
  return {
    url: proxy.url,
    instanceUrls,
    children,
    proxy,
    stop: async () => {
      await Promise.all(children.map(stopChild));
      await proxy.close();
    },
  };
};
