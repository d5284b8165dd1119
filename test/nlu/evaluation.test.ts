import { beforeAll, describe, expect, it } from 'vitest';
import { createClassifier, evaluateClassifier, loadEvaluationSet, loadTrainingData, overlapWithTraining, type Classifier, type EvaluationCase, type TrainingData } from '../../src/nlu/index.js';
import { fromRoot } from '../../src/platform/paths.js';

const dir = fromRoot('city', 'palmas', 'nlu');
let data: TrainingData;
let cases: EvaluationCase[];
let classifier: Classifier;

beforeAll(async () => {
  data = await loadTrainingData(dir);
  cases = await loadEvaluationSet(dir);
  classifier = await createClassifier(data);
});

describe('the Palmas evaluation set', () => {
  it('is large and varied enough to mean something', () => {
    expect(cases.length).toBeGreaterThanOrEqual(220);
    expect(cases.filter((c) => c.expected === null).length).toBeGreaterThanOrEqual(40);
    const services = data.intents.map((intent) => intent.serviceCode).filter((code) => code !== null);
    for (const service of services) expect(cases.filter((c) => c.expected === service).length, service).toBeGreaterThanOrEqual(10);
    expect(cases.every((c) => c.expected === null || services.includes(c.expected))).toBe(true);
  });

  it('shares no message with the training phrases, even after normalisation', () => {
    expect(overlapWithTraining(classifier, data, cases)).toEqual([]);
  });

  it('is classified with at least 90 % accuracy (a null for a service message is a miss)', async () => {
    const report = await evaluateClassifier(classifier, cases);
    const misses = report.misses.map((m) => `${m.expected ?? 'null'} → ${m.got ?? 'null'}: ${m.text}`);
    expect(report.accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
