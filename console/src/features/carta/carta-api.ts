import { api, query } from '../../api/client';

/** The Carta de Serviços HTTP contract (see docs/carta-de-servicos.md); the server enforces who may write. */

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
  review: { needed: boolean; note: string };
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

export type QuestionKind = 'unanswered' | 'not_helpful' | 'all';

export const CARTA_ENTRIES_PATH = '/api/carta/entries';
export const entryPath = (id: string): string => `${CARTA_ENTRIES_PATH}/${encodeURIComponent(id)}`;
export const questionsPath = (kind: QuestionKind): string => `/api/carta/questions${query({ kind, resolved: 'false' })}`;

export const cartaApi = {
  save: (id: string, update: CartaEntryUpdate) => api.put<CartaEntryDetail>(entryPath(id), update),
  create: (entry: CartaEntry) => api.post<CartaEntryDetail>(CARTA_ENTRIES_PATH, entry),
  resolve: (questionId: CartaQuestion['id'], choice: { entryId?: string; addAsQuestion?: boolean }) =>
    api.post<void>(`/api/carta/questions/${encodeURIComponent(String(questionId))}/resolve`, choice),
  search: (q: string) => api.get<CartaSearch>(`/api/carta/search${query({ q })}`),
};
