import { api, query } from '../../api/client';
import type { CartaEntry, CartaEntryDetail, CartaQuestion, CartaSearch, CartaEntryUpdate } from './carta-types';

export type * from './carta-types';

export type QuestionKind = 'unanswered' | 'not_helpful' | 'all';

export const CARTA_ENTRIES_PATH = '/api/carta/entries';
export const entryPath = (id: string): string => `${CARTA_ENTRIES_PATH}/${encodeURIComponent(id)}`;
export const questionsPath = (kind: QuestionKind): string => `/api/carta/questions${query({ kind, resolved: 'false' })}`;

/** The Carta de Serviços HTTP calls; the server enforces who may write. */
export const cartaApi = {
  save: (id: string, update: CartaEntryUpdate) => api.put<CartaEntryDetail>(entryPath(id), update),
  create: (entry: CartaEntry) => api.post<CartaEntryDetail>(CARTA_ENTRIES_PATH, entry),
  resolve: (questionId: CartaQuestion['id'], choice: { entryId?: string; addAsQuestion?: boolean }) =>
    api.post<void>(`/api/carta/questions/${encodeURIComponent(String(questionId))}/resolve`, choice),
  search: (q: string) => api.get<CartaSearch>(`/api/carta/search${query({ q })}`),
};
