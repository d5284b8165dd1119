import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCityProfile } from '../config/city-profile.js';
import { REQUEST_STATUSES } from '../domain/requests/index.js';
import { fromRoot } from '../platform/paths.js';
import { MID_FLOW } from './engine.js';

const texts = loadCityProfile(fromRoot('city', 'palmas')).texts;
const namespaces = new Set(Object.keys(texts).map((key) => key.split('.')[0]));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

/** Quoted literals after a `t(` on the same line, shaped like a key of a namespace the profile uses ("request.failed"). */
const keysUsedIn = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const call = line.search(/\bt\(/);
      return call < 0 ? [] : [...line.slice(call).matchAll(/'([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_]+)+)'/g)].map((m) => m[1] ?? '');
    })
    .filter((key) => namespaces.has(key.split('.')[0]));

describe('the Palmas profile has every text the code says', () => {
  it('has each key written in the conversation and messaging code', () => {
    const used = [...sourceFiles(fromRoot('src', 'conversation')), ...sourceFiles(fromRoot('src', 'domain'))].flatMap(keysUsedIn);
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !(key in texts))).toEqual([]);
  });

  it('has a topic for every step a citizen can come back to, a name for every status and every rating', () => {
    const needed = [
      ...[...MID_FLOW].map((step) => `topic.${step}`),
      ...REQUEST_STATUSES.map((status) => `status.${status}`),
      ...[1, 2, 3, 4, 5].map((rating) => `feedback.rate${rating}`),
    ];
    expect(needed.filter((key) => !(key in texts))).toEqual([]);
  });
});
