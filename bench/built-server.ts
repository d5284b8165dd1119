import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import type { InstanceCommand } from '../src/cluster/local-cluster.js';
import { fromRoot } from '../src/platform/paths.js';

let building: Promise<InstanceCommand> | undefined;

/**
 * The server as operators run it (`npm start`): compiled by `npm run build:server`, not the sources through tsx,
 * whose helpers (a `__name` call for every function created, among others) cost the server about 8 % more CPU per
 * notification. It is built once per bench process, so a figure is never that of a stale build.
 */
export const builtServer = (): Promise<InstanceCommand> =>
  (building ??= promisify(execFile)(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', fromRoot('tsconfig.build.json')])
    .then(() => ({ file: process.execPath, args: [fromRoot('dist', 'src', 'main.js'), 'serve'] })));

/**
 * A bench script that imports only Node's own modules, as plain JavaScript in a temporary file: the yardsticks run
 * without tsx too, as the server does.
 */
export const plainScript = (file: string): string => {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const target = join(mkdtempSync(join(tmpdir(), 'wp-bench-')), basename(file).replace(/\.ts$/, '.mjs'));
  writeFileSync(target, outputText);
  return target;
};
