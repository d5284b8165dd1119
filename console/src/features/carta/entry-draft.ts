import type { CartaEntry, CartaEntryUpdate, CartaListItem } from './carta-types.js'; // .js: the unit tests type-check this file under Node's resolution

/** The entry as the editor holds it: every field a string, lists one item per line. */
export interface EntryDraft {
  id: string;
  title: string;
  category: string;
  provider: string;
  departmentId: string;
  answer: string;
  requirements: string;
  howToAsk: string;
  deadline: string;
  cost: string;
  where: string;
  when: string;
  phones: string;
  officialUrl: string;
  lastReviewed: string;
  reviewNeeded: boolean;
  reviewNote: string;
  sources: string;
  questions: string;
}

export const ANSWER_MAX = 700;
export const TITLE_MAX = 60;

const lines = (list: readonly string[]): string => list.join('\n');
/** One item per non-blank line, trimmed. */
export const listOf = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);
const orNull = (text: string): string | null => text.trim() || null;

export const draftOf = (entry: CartaEntry): EntryDraft => ({
  id: entry.id,
  title: entry.title,
  category: entry.category,
  provider: entry.provider,
  departmentId: entry.departmentId ?? '',
  answer: entry.answer,
  requirements: lines(entry.requirements),
  howToAsk: lines(entry.howToAsk),
  deadline: entry.deadline ?? '',
  cost: entry.cost ?? '',
  where: entry.where ?? '',
  when: entry.when ?? '',
  phones: lines(entry.phones),
  officialUrl: entry.officialUrl ?? '',
  lastReviewed: entry.lastReviewed,
  reviewNeeded: entry.review.needed,
  reviewNote: entry.review.note ?? '',
  sources: lines(entry.sources),
  questions: lines(entry.questions),
});

/** A blank entry for "Nova entrada": reviewed today, marked for review until someone confirms its facts. */
export const emptyDraft = (today: string, category: string): EntryDraft =>
  draftOf({
    id: '',
    title: '',
    category,
    provider: '',
    departmentId: null,
    answer: '',
    requirements: [],
    howToAsk: [],
    deadline: null,
    cost: null,
    where: null,
    when: null,
    phones: [],
    officialUrl: null,
    lastReviewed: today,
    review: { needed: true, note: null },
    sources: [],
    questions: [],
  });

/** What the server stores: trimmed text, empty optional facts as null (unknown), lists without blank lines. */
export const entryOf = (draft: EntryDraft): CartaEntry => ({
  id: draft.id.trim(),
  title: draft.title.trim(),
  category: draft.category,
  provider: draft.provider.trim(),
  departmentId: draft.departmentId || null,
  answer: draft.answer.trim(),
  requirements: listOf(draft.requirements),
  howToAsk: listOf(draft.howToAsk),
  deadline: orNull(draft.deadline),
  cost: orNull(draft.cost),
  where: orNull(draft.where),
  when: orNull(draft.when),
  phones: listOf(draft.phones),
  officialUrl: orNull(draft.officialUrl),
  lastReviewed: draft.lastReviewed,
  // Blank is null, as the profile and the server's "reviewed" write it, so an untouched entry stays unedited.
  review: { needed: draft.reviewNeeded, note: draft.reviewNote.trim() || null },
  sources: listOf(draft.sources),
  questions: listOf(draft.questions),
});

/** The PUT body: everything but the id. */
export const updateOf = (draft: EntryDraft, markReviewed: boolean): CartaEntryUpdate => {
  const { id: _id, ...rest } = entryOf(draft);
  return markReviewed ? { ...rest, markReviewed: true } : rest;
};

/** "iptu-segunda-via" from "Segunda via do IPTU": the id a new entry is offered (accents folded, kebab-case). */
export const suggestedId = (title: string): string =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

export type EntryFilter = 'all' | 'review-needed' | 'review-due' | 'edited';

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The rows the table shows for what was typed, the category and the filter chosen (search ignores accents and case). */
export const filterEntries = (items: readonly CartaListItem[], criteria: { text: string; category: string; filter: EntryFilter }): CartaListItem[] => {
  const words = fold(criteria.text).split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (criteria.category && item.category !== criteria.category) return false;
    if (criteria.filter === 'review-needed' && !item.reviewNeeded) return false;
    if (criteria.filter === 'review-due' && !item.reviewDue) return false;
    if (criteria.filter === 'edited' && !item.edited) return false;
    const haystack = fold(`${item.title} ${item.provider} ${item.id}`);
    return words.every((word) => haystack.includes(word));
  });
};
