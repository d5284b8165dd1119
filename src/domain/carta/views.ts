import type { CartaCategory, CartaEntry } from '../../config/city/carta.schema.js';
import { formatLocalDate, parseLocalDate } from '../calendar/index.js';
import type { LiveCarta } from './live-carta.js';

/** An entry is due for review this long after its last review (or at once when marked for review). */
export const CARTA_REVIEW_MONTHS = 6;

const monthsBefore = (today: string, months: number): string => {
  const date = parseLocalDate(today);
  const back = new Date(Date.UTC(date.year, date.month - 1 - months, date.day));
  return formatLocalDate({ year: back.getUTCFullYear(), month: back.getUTCMonth() + 1, day: back.getUTCDate() });
};

export const isReviewDue = (entry: Pick<CartaEntry, 'lastReviewed' | 'review'>, today: string): boolean =>
  entry.review.needed || entry.lastReviewed < monthsBefore(today, CARTA_REVIEW_MONTHS);

export interface CartaEntryItem {
  id: string;
  title: string;
  category: string;
  provider: string;
  lastReviewed: string;
  reviewNeeded: boolean;
  reviewDue: boolean;
  edited: boolean;
  answers30d: number;
}

/** The Carta as coordinators see it: every entry, whether it is due for review, edited, and how often it answered. */
export const cartaEntryItems = (live: LiveCarta, answers: ReadonlyMap<string, number>, today: string): { categories: CartaCategory[]; items: CartaEntryItem[] } => ({
  categories: live.carta.categories,
  items: live.carta.entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    category: entry.category,
    provider: entry.provider,
    lastReviewed: entry.lastReviewed,
    reviewNeeded: entry.review.needed,
    reviewDue: isReviewDue(entry, today),
    edited: live.editOf(entry.id) !== undefined,
    answers30d: answers.get(entry.id) ?? 0,
  })),
});

export interface CartaEntryDetail {
  entry: CartaEntry;
  edited: boolean;
  editedAt: string | null;
  editedBy: number | null;
  reviewDue: boolean;
}

export const cartaEntryDetail = (live: LiveCarta, id: string, today: string): CartaEntryDetail | undefined => {
  const entry = live.entry(id);
  if (!entry) return undefined;
  const edit = live.editOf(id);
  return { entry, edited: edit !== undefined, editedAt: edit ? new Date(edit.updatedAt).toISOString() : null, editedBy: edit?.updatedBy ?? null, reviewDue: isReviewDue(entry, today) };
};
