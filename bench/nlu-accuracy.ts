import { fromRoot } from '../src/platform/paths.js';
import { createClassifier, evaluateClassifier, loadEvaluationSet, loadTrainingData, overlapWithTraining } from '../src/nlu/index.js';

const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);

/** Trains the classifier on the bundled Palmas phrases and measures it on the labelled evaluation set. */
export const benchNluAccuracy = async (dir = fromRoot('city', 'palmas', 'nlu')): Promise<void> => {
  const data = await loadTrainingData(dir);
  const cases = await loadEvaluationSet(dir);
  const classifier = await createClassifier(data);
  const phrases = data.intents.reduce((n, intent) => n + intent.phrases.length, 0);
  const started = performance.now();
  const report = await evaluateClassifier(classifier, cases);
  const classifyMs = (performance.now() - started) / Math.max(1, cases.length);
  const overlap = overlapWithTraining(classifier, data, cases);

  console.log(`\n## nlu-accuracy (${dir})`);
  console.log(`training: ${data.intents.length} intents, ${phrases} phrases, ${classifier.trainingMs.toFixed(0)} ms; threshold ${classifier.threshold}`);
  console.log(`classification: ${classifyMs.toFixed(2)} ms per message`);
  console.log(`accuracy: ${report.correct}/${report.total} = ${percent(report.correct, report.total)} (goal ≥ 90 %)`);
  console.log(`answered null (menu shown): ${report.answeredNull} of ${report.total}, of which ${report.servicesAnsweredNull} were service messages (counted as misses)`);
  if (overlap.length > 0) console.log(`WARNING: ${overlap.length} evaluation messages are training phrases: ${overlap.join(' | ')}`);
  console.log('per label:');
  for (const [label, score] of Object.entries(report.byLabel).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${label.padEnd(22)} ${String(score.correct).padStart(3)}/${String(score.total).padEnd(3)} ${percent(score.correct, score.total)}`);
  }
  console.log(`misses (${report.misses.length}), expected → got (confidence): text`);
  for (const miss of report.misses) {
    console.log(`  ${miss.expected ?? 'null'} → ${miss.got ?? `null [${miss.gotIntent ?? 'unsure'}]`} (${miss.confidence.toFixed(2)}): ${miss.text}`);
  }
};
