export { createClassifier, DEFAULT_THRESHOLD, type Classification, type Classifier, type ClassifierOptions, type IntentScore } from './classifier.js';
export { evaluateClassifier, overlapWithTraining, type EvaluationMiss, type EvaluationReport } from './evaluate.js';
export { loadEvaluationSet, loadTrainingData } from './load-training-data.js';
export { createNormalizer, normalizeText, type Lexicon } from './normalize-text.js';
export type { EvaluationCase, IntentData, TrainingData } from './training-data.js';
export { applyPhraseEdits, type PhraseEdit } from './phrase-edits.js';
export { swappableClassifier, type SwappableClassifier } from './swappable-classifier.js';
