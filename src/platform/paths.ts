import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (tsx) or dist/src/ (built). */
const findRoot = (from: string): string => {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + from);
    dir = parent;
  }
  return dir;
};

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

export const fromRoot = (...parts: string[]): string => resolve(projectRoot, ...parts);
