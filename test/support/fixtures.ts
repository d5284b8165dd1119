import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../src/platform/paths.js';

/** The recorded Meta webhook payloads vendored from shared/fixtures/whatsapp (see SOURCES.md there for licences). */
export const fixturesDir = fromRoot('test', 'fixtures', 'whatsapp');

export const fixtureNames = (): string[] => readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort();

export const readFixture = (name: string): string => readFileSync(join(fixturesDir, name), 'utf8');

export const fixture = (prefix: string): unknown => {
  const name = fixtureNames().find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no fixture ${prefix}`);
  return JSON.parse(readFixture(name)) as unknown;
};
