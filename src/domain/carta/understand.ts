import type { Classification, Classifier } from '../../nlu/index.js';
import type { Catalog } from '../catalog/index.js';
import { decideCarta, type CartaDecision } from './decide.js';
import { requestServiceCodes } from './links.js';
import type { LiveCarta } from './live-carta.js';
import type { CartaHit } from './search-index.js';

export interface QuestionDeps {
  classifier: Classifier;
  live: LiveCarta;
  /** The catalog as it is now (coordinators' edits included). */
  catalog: () => Catalog;
}

/** Classifier and Carta search on one message, and the decision both the bot and the console's test box use. */
export const understandQuestion = async (text: string, deps: QuestionDeps): Promise<{ classification: Classification; decision: CartaDecision; results: CartaHit[] }> => {
  const classification = await deps.classifier.classify(text);
  const { decision, results } = decideCarta({
    text,
    classifier: classification,
    search: deps.live.search,
    requestServices: requestServiceCodes(deps.catalog()),
    normalize: deps.classifier.normalize,
  });
  return { classification, decision, results };
};
