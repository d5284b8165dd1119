import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../../src/platform/paths.js';

/**
 * The Palmas profile with the test Carta de Serviços (test/fixtures/carta): tests keep their expectations whatever
 * the shipped Carta becomes. Returns the folder to point CITY_CONFIG at.
 */
export const cartaTestProfile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'wp-carta-city-'));
  cpSync(fromRoot('city', 'palmas'), dir, { recursive: true });
  copyFileSync(fromRoot('test', 'fixtures', 'carta', 'carta-de-servicos.json'), join(dir, 'carta-de-servicos.json'));
  copyFileSync(fromRoot('test', 'fixtures', 'carta', 'carta-lexicon.json'), join(dir, 'nlu', 'carta-lexicon.json'));
  return dir;
};
