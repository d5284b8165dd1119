import { join } from 'node:path';
import { loadCityProfile } from '../src/config/city-profile.js';
import { CartaSearch, evaluateCarta, loadCartaEvaluation, type LiveCarta } from '../src/domain/carta/index.js';
import { createClassifier, loadTrainingData } from '../src/nlu/index.js';
import { fromRoot } from '../src/platform/paths.js';

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

/** The Carta's search and the classifier together, as the bot decides, on the labelled Carta evaluation set. */
export const benchCartaAccuracy = async (dir = fromRoot('city', 'palmas')): Promise<void> => {
  const city = loadCityProfile(dir);
  const classifier = await createClassifier(await loadTrainingData(join(dir, 'nlu')));
  const cases = await loadCartaEvaluation(join(dir, 'nlu'));
  const started = performance.now();
  const search = new CartaSearch(city.carta.entries, city.carta.synonyms);
  const indexMs = performance.now() - started;
  const live = { search } as LiveCarta;
  const timed = performance.now();
  const report = await evaluateCarta(cases, { classifier, live, catalog: () => city.catalog });
  const perMessage = (performance.now() - timed) / Math.max(1, cases.length);

  console.log(`\n## carta-accuracy (${dir})`);
  console.log(`index: ${city.carta.entries.length} entries in ${indexMs.toFixed(0)} ms; decision (classifier + search): ${perMessage.toFixed(2)} ms per message`);
  console.log(`top-1 accuracy: ${report.correct}/${report.total} = ${percent(report.correct, report.total)} (goal ≥ 85 %)`);
  console.log(`request messages answered from the Carta (must be 0): ${report.requestsAnswered}`);
  console.log(`misses (${report.misses.length}), expected → got (score): text`);
  for (const miss of report.misses) console.log(`  ${miss.expected ?? 'null'} → ${miss.got ?? 'null'} (${miss.score}): ${miss.text}`);
};
