import MiniSearch from 'minisearch';
import type { CartaEntry } from '../../config/city/carta.schema.js';
import { createSearchTerms, type SearchTerms } from '../../nlu/search-terms.js';

/** What a citizen asks weighs most when it matches how citizens asked before, then the entry's title. */
export const FIELD_BOOSTS = { questions: 4, title: 3, answer: 1, requirements: 0.5 } as const;

/** Knobs of the ranking, fixed in code; tests and the benchmark may try others. */
export interface SearchTuning {
  boosts: Record<keyof typeof FIELD_BOOSTS, number>;
  /** BM25's b: how much a long field (an entry with many questions) is penalised, 0..1. */
  lengthNormalization: number;
}

export const DEFAULT_TUNING: SearchTuning = { boosts: FIELD_BOOSTS, lengthNormalization: 0.7 };

export interface CartaHit {
  id: string;
  title: string;
  /** BM25 score with the field boosts (higher is better; not bounded). */
  score: number;
  /** Share of the question's words (stems) found in the entry, 0..1. */
  coverage: number;
}

interface IndexedEntry {
  id: string;
  title: string;
  questions: string;
  answer: string;
  requirements: string;
}

const documentOf = (entry: CartaEntry): IndexedEntry => ({
  id: entry.id,
  title: entry.title,
  questions: entry.questions.join('\n'),
  answer: entry.answer,
  requirements: entry.requirements.join('\n'),
});

/**
 * Full-text search over the Carta's entries, in Portuguese: accents folded, chat spelling expanded, the city's
 * synonyms applied, stems compared ("alvarás" finds "alvará"), small typos forgiven in long words. Built in a few
 * milliseconds from the entries, so a coordinator's edit rebuilds it whole.
 */
export class CartaSearch {
  private readonly index: MiniSearch<IndexedEntry>;
  private readonly titles: Map<string, string>;
  readonly terms: SearchTerms;

  constructor(entries: readonly CartaEntry[], synonyms: Readonly<Record<string, string>> = {}, tuning: SearchTuning = DEFAULT_TUNING) {
    this.terms = createSearchTerms({ synonyms });
    this.titles = new Map(entries.map((e) => [e.id, e.title]));
    this.index = new MiniSearch<IndexedEntry>({
      fields: ['title', 'questions', 'answer', 'requirements'],
      tokenize: (text) => this.terms(text),
      processTerm: (term) => term,
      searchOptions: {
        boost: { ...tuning.boosts },
        combineWith: 'OR',
        fuzzy: (term) => (term.length >= 6 ? 1 : false),
        prefix: (term) => term.length >= 5,
        weights: { fuzzy: 0.4, prefix: 0.5 },
        bm25: { k: 1.2, b: tuning.lengthNormalization, d: 0.5 },
      },
    });
    this.index.addAll(entries.map(documentOf));
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** The entries that match, best first. */
  search(text: string, limit = 5): CartaHit[] {
    const asked = [...new Set(this.terms(text))];
    if (asked.length === 0) return [];
    return this.index
      .search(text)
      .slice(0, limit)
      .map((result) => ({
        id: String(result.id),
        title: this.titles.get(String(result.id)) ?? String(result.id),
        score: Math.round(result.score * 100) / 100,
        coverage: Math.round((new Set(result.queryTerms).size / asked.length) * 100) / 100,
      }));
  }
}
