import type { Classifier } from './classifier.js';
import type { EvaluationCase, TrainingData } from './training-data.js';

export interface EvaluationMiss {
  text: string;
  expected: string | null;
  got: string | null;
  /** The intent recognised (e.g. "help" when a service message read like a call for the menu). */
  gotIntent: string | null;
  confidence: number;
}

export interface LabelScore {
  total: number;
  correct: number;
}

export interface EvaluationReport {
  total: number;
  correct: number;
  accuracy: number;
  /** Per expected label (service code, or "null" for non-service messages). */
  byLabel: Record<string, LabelScore>;
  /** Service messages answered null (the citizen sees the menu): counted as misses. */
  servicesAnsweredNull: number;
  /** All messages answered null, service or not. */
  answeredNull: number;
  misses: EvaluationMiss[];
}

export const labelOf = (serviceCode: string | null): string => serviceCode ?? 'null';

/** Classifies every case; a null answer to a service message is a miss, as the citizen gets the menu. */
export const evaluateClassifier = async (classifier: Classifier, cases: readonly EvaluationCase[]): Promise<EvaluationReport> => {
  const byLabel: Record<string, LabelScore> = {};
  const misses: EvaluationMiss[] = [];
  let correct = 0;
  let answeredNull = 0;
  let servicesAnsweredNull = 0;
  for (const { text, expected } of cases) {
    const { serviceCode, intent, confidence } = await classifier.classify(text);
    const score = (byLabel[labelOf(expected)] ??= { total: 0, correct: 0 });
    score.total += 1;
    if (serviceCode === null) answeredNull += 1;
    if (serviceCode === expected) {
      correct += 1;
      score.correct += 1;
    } else {
      if (serviceCode === null) servicesAnsweredNull += 1;
      misses.push({ text, expected, got: serviceCode, gotIntent: intent, confidence });
    }
  }
  return { total: cases.length, correct, accuracy: cases.length === 0 ? 0 : correct / cases.length, byLabel, servicesAnsweredNull, answeredNull, misses };
};

/** Evaluation messages that are also training phrases once normalised (must be none, or the figures lie). */
export const overlapWithTraining = (classifier: Pick<Classifier, 'normalize'>, data: TrainingData, cases: readonly EvaluationCase[]): string[] => {
  const training = new Set(data.intents.flatMap(({ phrases }) => phrases.map((phrase) => classifier.normalize(phrase))));
  return cases.filter(({ text }) => training.has(classifier.normalize(text))).map(({ text }) => text);
};
