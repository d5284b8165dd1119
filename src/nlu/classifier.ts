import { containerBootstrap } from '@nlpjs/core';
import { LangPt } from '@nlpjs/lang-pt';
import { Nlp } from '@nlpjs/nlp';
import { createNormalizer } from './normalize-text.js';
import type { TrainingData } from './training-data.js';

/**
 * Below this confidence a service guess becomes "no service" and the bot shows the menu instead of guessing.
 * Chosen on the Palmas evaluation set (city/palmas/nlu/evaluation.json): accuracy is flat and highest from 0
 * to 0.4 and falls beyond (0.5: service messages answered null double while wrong guesses drop by one), so
 * 0.4 is the highest value that costs no accuracy while still dropping the least confident guesses. The
 * bot asks the citizen to confirm a guess anyway, so a wrong guess costs about what an unneeded menu does.
 */
export const DEFAULT_THRESHOLD = 0.4;

export interface IntentScore {
  intent: string;
  /** The service this intent asks for; null for greetings, thanks, chit-chat, yes/no and help. */
  serviceCode: string | null;
  confidence: number;
}

export interface Classification {
  /** The service the text asks for, or null: no service asked, or not sure enough (show the menu). */
  serviceCode: string | null;
  /**
   * The recognised intent: a service code, or one of the city's non-service intents ("greeting", "thanks",
   * "chitchat", "affirm", "deny", "help"), or null when nothing was recognised with enough confidence.
   */
  intent: string | null;
  /** Score (0..1) of the best intent, whether or not it passed the threshold. */
  confidence: number;
  /** The next best intents, best first (at most three), for "did you mean…?" choices. */
  alternatives: IntentScore[];
}

export interface Classifier {
  classify(text: string): Promise<Classification>;
  readonly threshold: number;
  /** Wall-clock milliseconds spent training at creation. */
  readonly trainingMs: number;
  /** The normalisation applied to training phrases and messages alike (exposed for checks and tools). */
  normalize(text: string): string;
}

export interface ClassifierOptions {
  /** Confidence (0..1) a service intent needs to be returned; default DEFAULT_THRESHOLD. */
  threshold?: number;
}

const NONE_INTENT = 'None';
const ALTERNATIVES = 3;

/** @nlpjs writes warnings with console; the classifier prints nothing. */
const silentLogger = { debug() {}, info() {}, warn() {}, error() {}, log() {}, trace() {}, fatal() {} };

/** Settings of @nlpjs's neural NLU for Portuguese: no logging, typo tolerance, unknown words count towards "None". */
const NLU_SETTINGS = {
  keepStopwords: true,
  nonefeatureValue: 1,
  nonedeltaMultiplier: 1.2,
  spellCheck: true,
  spellCheckDistance: 1,
  filterZeros: true,
  log: false,
};

const buildEngine = (): Nlp => {
  const container = containerBootstrap();
  container.register('logger', silentLogger);
  container.use(LangPt);
  container.registerConfiguration('nlu-pt', NLU_SETTINGS, true);
  container.registerConfiguration('nlu-manager', { useNoneFeature: true }, true);
  const engine = new Nlp({ languages: ['pt'], autoSave: false, autoLoad: false, calculateSentiment: false, threshold: 0 }, container);
  engine.addLanguage('pt');
  return engine;
};

/**
 * Trains a Portuguese intent classifier from a city's phrases. Deterministic: @nlpjs's network starts from
 * zero weights and trains without randomness, so the same phrases always give the same answers.
 */
export const createClassifier = async (data: TrainingData, options: ClassifierOptions = {}): Promise<Classifier> => {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const normalize = createNormalizer(data.lexicon);
  const serviceOf = new Map(data.intents.map((intent) => [intent.intent, intent.serviceCode]));
  const started = performance.now();
  const engine = buildEngine();
  for (const { intent, phrases } of data.intents) {
    for (const phrase of phrases) {
      const normalized = normalize(phrase);
      if (normalized.length > 0) engine.addDocument('pt', normalized, intent);
    }
  }
  await engine.train();
  const trainingMs = performance.now() - started;

  const classify = async (text: string): Promise<Classification> => {
    const normalized = normalize(text);
    if (normalized.length === 0) return { serviceCode: null, intent: null, confidence: 0, alternatives: [] };
    const { classifications } = await engine.classify('pt', normalized);
    const ranked: IntentScore[] = classifications
      .filter(({ intent, score }) => intent !== NONE_INTENT && score > 0)
      .map(({ intent, score }) => ({ intent, serviceCode: serviceOf.get(intent) ?? null, confidence: score }));
    const best = ranked[0];
    if (!best) return { serviceCode: null, intent: null, confidence: 0, alternatives: [] };
    // "None" on top: mostly words the phrases never used, so no intent is trusted.
    const sure = best.confidence >= threshold && classifications[0]?.intent !== NONE_INTENT;
    return {
      serviceCode: sure ? best.serviceCode : null,
      intent: sure ? best.intent : null,
      confidence: best.confidence,
      alternatives: ranked.slice(1, 1 + ALTERNATIVES),
    };
  };

  return { classify, threshold, trainingMs, normalize };
};
