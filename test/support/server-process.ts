import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { InstanceCommand } from '../../src/cluster/local-cluster.js';
import { fromRoot } from '../../src/platform/paths.js';

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** The server from source, through tsx: what tests run, so they never need a build. */
const serverFromSource: InstanceCommand = { file: process.execPath, args: ['--import', 'tsx', fromRoot('src', 'main.ts'), 'serve'] };

/** Runs the real server (`whats-palmas serve`) in a child process, as an operator would. */
export const startServerProcess = async (env: Record<string, string>, port?: number, command = serverFromSource): Promise<ServerProcess> => {
  const listenPort = port ?? (await freePort());
  let output = '';
  const child = spawn(command.file, command.args, {
    cwd: fromRoot(),
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(listenPort), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
};
