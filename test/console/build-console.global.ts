import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { fromRoot } from '../../src/platform/paths.js';

const CONSOLE_SOURCE = fromRoot('console');
const CONSOLE_BUILD = fromRoot('dist', 'console');

const newestChange = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }, 0);

const isUpToDate = (): boolean => {
  const index = join(CONSOLE_BUILD, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestChange(CONSOLE_SOURCE);
};

/**
 * Vitest global set-up: the console's tests and `/` need a built console. Builds it when missing or older than its
 * sources (a fresh machine runs `npm ci`, which builds; a developer may have edited the console since). Builds beside
 * the served folder and swaps it in, so a server running meanwhile never sees half a build.
 */
export const setup = async (): Promise<void> => {
  if (isUpToDate()) return;
  const staging = `${CONSOLE_BUILD}.building-${process.pid}`;
  await build({ configFile: join(CONSOLE_SOURCE, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
  rmSync(CONSOLE_BUILD, { recursive: true, force: true });
  renameSync(staging, CONSOLE_BUILD);
};
