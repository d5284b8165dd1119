import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityProfile, type CityProfile } from '../../src/config/city-profile.js';
import { CartaSearch, evaluateCarta, loadCartaEvaluation, type CartaCase, type LiveCarta } from '../../src/domain/carta/index.js';
import { createClassifier, loadTrainingData, normalizeText, type Classifier } from '../../src/nlu/index.js';
import { fromRoot } from '../../src/platform/paths.js';

const dir = fromRoot('city', 'palmas');
let city: CityProfile;
let classifier: Classifier;
let cases: CartaCase[];

beforeAll(async () => {
  city = loadCityProfile(dir);
  classifier = await createClassifier(await loadTrainingData(join(dir, 'nlu')));
  cases = await loadCartaEvaluation(join(dir, 'nlu'));
});

describe('the Palmas Carta de Serviços evaluation set', () => {
  it('labels real entries and services, and never copies a training question', () => {
    const ids = new Set(city.carta.entries.map((e) => e.id));
    const services = new Set(city.catalog.services.map((s) => `service:${s.code}`));
    expect(cases.every((c) => c.expected === null || ids.has(c.expected) || services.has(c.expected))).toBe(true);
    const taught = new Set(city.carta.entries.flatMap((e) => e.questions.map(normalizeText)));
    expect(cases.filter((c) => taught.has(normalizeText(c.text))).map((c) => c.text)).toEqual([]);
  });

  // Measured 86.7 % (169/195) when written; the floor leaves room for a new entry's questions to shift a case or two.
  it('is decided as the bot decides with at least 84 % top-1 accuracy, and no request is ever answered from the Carta', async () => {
    const live = { search: new CartaSearch(city.carta.entries, city.carta.synonyms) } as LiveCarta;
    const report = await evaluateCarta(cases, { classifier, live, catalog: () => city.catalog });
    const misses = report.misses.map((m) => `${m.expected ?? 'null'} → ${m.got ?? 'null'}: ${m.text}`);
    expect(report.accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.84);
    expect(report.requestsAnswered).toBe(0);
  });
});
