import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CartaDecision } from './decide.js';
import { understandQuestion, type QuestionDeps } from './understand.js';

/** `nlu/carta-evaluation.json`: messages labelled with the entry id, "service:<code>", or null (nothing answers it). */
export const cartaEvaluationSchema = z.object({
  note: z.string().default(''),
  cases: z.array(z.object({ text: z.string().min(1), expected: z.string().min(1).nullable() })),
});
export type CartaCase = z.infer<typeof cartaEvaluationSchema>['cases'][number];

export const loadCartaEvaluation = async (nluDir: string): Promise<CartaCase[]> =>
  cartaEvaluationSchema.parse(JSON.parse(await readFile(join(nluDir, 'carta-evaluation.json'), 'utf8'))).cases;

/** The decision as the evaluation set labels it. */
export const labelOf = (decision: CartaDecision): string | null =>
  decision.kind === 'entry' ? decision.id : decision.kind === 'service' ? `service:${decision.id ?? ''}` : null;

export interface CartaMiss {
  text: string;
  expected: string | null;
  got: string | null;
  score: number;
}

export interface CartaReport {
  total: number;
  correct: number;
  accuracy: number;
  /** Messages labelled as requests that the decision sent to a Carta answer (must never happen). */
  requestsAnswered: number;
  misses: CartaMiss[];
}

/** Runs the bot's own decision (decideCarta with the classifier) over every case: top-1 accuracy and every miss. */
export const evaluateCarta = async (cases: readonly CartaCase[], deps: QuestionDeps): Promise<CartaReport> => {
  const misses: CartaMiss[] = [];
  let requestsAnswered = 0;
  for (const c of cases) {
    const { decision } = await understandQuestion(c.text, deps);
    const got = labelOf(decision);
    if (got === c.expected) continue;
    if (c.expected?.startsWith('service:') && decision.kind === 'entry') requestsAnswered += 1;
    misses.push({ text: c.text, expected: c.expected, got, score: decision.score });
  }
  const correct = cases.length - misses.length;
  return { total: cases.length, correct, accuracy: cases.length === 0 ? 0 : correct / cases.length, requestsAnswered, misses };
};
