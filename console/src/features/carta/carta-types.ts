/** The shapes of the Carta de Serviços HTTP contract (see /api/docs). No imports: unit tests load it under Node. */

export interface CartaCategory {
  id: string;
  title: string;
}

/** One entry as city/palmas/carta-de-servicos.json keeps it. */
export interface CartaEntry {
  id: string;
  title: string;
  category: string;
  provider: string;
  departmentId: string | null;
  answer: string;
  requirements: string[];
  howToAsk: string[];
  deadline: string | null;
  cost: string | null;
  where: string | null;
  when: string | null;
  phones: string[];
  officialUrl: string | null;
  lastReviewed: string;
  review: { needed: boolean; note: string | null };
  sources: string[];
  questions: string[];
}

export interface CartaListItem {
  id: string;
  title: string;
  category: string;
  provider: string;
  lastReviewed: string;
  reviewNeeded: boolean;
  /** Last reviewed more than CARTA_REVIEW_MONTHS ago, or marked as needing review. */
  reviewDue: boolean;
  /** Differs from the entry shipped in the city profile. */
  edited: boolean;
  /** Times the bot answered with it in the last 30 days. */
  answers30d: number;
}

export interface CartaEntryDetail {
  entry: CartaEntry;
  edited: boolean;
  editedAt: string | null;
  editedBy: string | null;
  reviewDue: boolean;
  /** The entry's page on the public Carta de Serviços. */
  publicUrl: string;
}

export type QuestionOutcome = 'unanswered' | 'answered' | 'not_helpful';

export interface CartaQuestion {
  id: number | string;
  /** As the citizen wrote it, phone numbers masked. */
  text: string;
  askedAt: string;
  entryId: string | null;
  entryTitle: string | null;
  outcome: QuestionOutcome;
  resolved: boolean;
}

export interface CartaSearch {
  decision: { kind: 'entry' | 'service' | 'none'; id: string | null; score: number };
  results: Array<{ id: string; title: string; score: number }>;
}

/** What PUT takes: the entry without its id, and optionally "reviewed today". */
export type CartaEntryUpdate = Omit<CartaEntry, 'id'> & { markReviewed?: boolean };

