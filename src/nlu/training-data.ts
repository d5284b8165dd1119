import { z } from 'zod';
import type { Lexicon } from './normalize-text.js';

/**
 * One intent and the phrases that teach it. Service intents are named after their service code; the
 * others (greeting, thanks, chit-chat, yes, no, help) have `serviceCode: null` and exist so that such
 * messages are recognised as "no service" instead of being forced into the nearest service.
 */
export const intentDataSchema = z.object({
  intent: z.string().regex(/^[a-z0-9-]+$/),
  serviceCode: z.string().min(1).nullable(),
  description: z.string().optional(),
  phrases: z.array(z.string().min(1)).min(1),
});

export type IntentData = z.infer<typeof intentDataSchema>;

export const lexiconSchema = z.object({
  synonyms: z.record(z.string(), z.string()).default({}),
});

export interface TrainingData {
  /** Language of the phrases; the classifier's stemmer follows it (only "pt" is supported). */
  locale: 'pt';
  intents: IntentData[];
  lexicon: Lexicon;
}

/** A labelled message used to measure the classifier; `expected: null` means "no service". */
export const evaluationCaseSchema = z.object({
  text: z.string().min(1),
  expected: z.string().min(1).nullable(),
});

export type EvaluationCase = z.infer<typeof evaluationCaseSchema>;

export const evaluationSetSchema = z.object({ cases: z.array(evaluationCaseSchema).min(1) });
