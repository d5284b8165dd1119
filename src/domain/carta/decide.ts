import type { CartaHit, CartaSearch } from './search-index.js';

/** What the bot does with a free-text message: answer from an entry, go to a service, or say it has no answer. */
export interface CartaDecision {
  kind: 'entry' | 'service' | 'none';
  /** The entry id, or the service code; null for 'none'. */
  id: string | null;
  /** The search score of the chosen entry, or the classifier's confidence for a service (0 for none). */
  score: number;
}

/** What the intent classifier said about the same text. */
export interface ClassifierVerdict {
  serviceCode: string | null;
  confidence: number;
}

/** When a search hit is good enough to answer with; chosen on the city's evaluation set (see docs/carta.md). */
export interface CartaThresholds {
  /** Minimum search score of the entry that answers. */
  minScore: number;
  /** Minimum share of the message's words (stems) the entry must contain. */
  minCoverage: number;
  /** When the classifier already sees an information question, a weaker best entry still answers it. */
  infoMinScore: number;
  /**
   * A request service the classifier is sure of still yields to an entry that contains every word of the message
   * with at least this score ("coleta de lixo" is the Carta's, not the entulho request).
   */
  overrideScore: number;
}

export const DEFAULT_CARTA_THRESHOLDS: CartaThresholds = { minScore: 40, minCoverage: 0.3, infoMinScore: 20, overrideScore: 80 };

/** "como", "quanto custa", "onde", "qual o horário", "preciso de": the citizen wants to know, not to report. */
const QUESTION = /(^|\s)(como|onde|quando|qual|quais|quanto|quanta|quantos|quem|o que|oque|posso|pode|tem como|da pra|da para|existe|horario|telefone|fone|numero|contato|secretaria|endereco|documento|documentos|valor|custa|custo|prazo|segunda via|informacao)(\s|$)/;

export const looksLikeQuestion = (text: string, normalize: (text: string) => string): boolean => text.includes('?') || QUESTION.test(normalize(text));

export interface DecideInput {
  text: string;
  classifier: ClassifierVerdict;
  search: CartaSearch;
  /** Codes of the catalog's request services (those open a request; information services only guide). */
  requestServices: ReadonlySet<string>;
  /** The classifier's normalisation (accents, chat spelling), to spot question words. */
  normalize: (text: string) => string;
  thresholds?: CartaThresholds;
}

/**
 * The one decision the bot and the console's "testar" box make for a message. A request service the classifier is
 * sure of goes to the request flow, unless the message is a question the Carta answers ("quanto custa o alvará?"
 * must never start a request) or an entry holds every word of it; otherwise the best entry above the thresholds
 * answers; an information service the classifier recognised takes a weaker entry, else keeps its guidance; else
 * nothing in the base answers it.
 */
export const decideCarta = (input: DecideInput): { decision: CartaDecision; results: CartaHit[] } => {
  const { text, classifier, search } = input;
  const thresholds = input.thresholds ?? DEFAULT_CARTA_THRESHOLDS;
  const results = search.search(text);
  const best = results.find((hit) => hit.score >= thresholds.minScore && hit.coverage >= thresholds.minCoverage);
  const entry = (hit: CartaHit): CartaDecision => ({ kind: 'entry', id: hit.id, score: hit.score });
  const service = (code: string): CartaDecision => ({ kind: 'service', id: code, score: Math.round(classifier.confidence * 100) / 100 });
  const code = classifier.serviceCode;
  const top = results[0];
  if (code && input.requestServices.has(code)) {
    const whole = top !== undefined && top.coverage >= 1 && top.score >= thresholds.overrideScore;
    const decision = best && top === best && (whole || looksLikeQuestion(text, input.normalize)) ? entry(best) : service(code);
    return { decision, results };
  }
  if (best) return { decision: entry(best), results };
  if (code && top && top.score >= thresholds.infoMinScore) return { decision: entry(top), results };
  if (code) return { decision: service(code), results };
  return { decision: { kind: 'none', id: null, score: 0 }, results };
};
