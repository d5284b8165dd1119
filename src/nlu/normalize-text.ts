import { PT_BR_CHAT_SPELLING } from './pt-br-chat-spelling.js';

/** What normalisation needs besides the text: the city's regional words mapped to common ones. */
export interface Lexicon {
  /** e.g. "muriçoca" → "mosquito", "quebra-molas" → "lombada"; keys may have several words. */
  synonyms: Readonly<Record<string, string>>;
}

export const EMPTY_LEXICON: Lexicon = { synonyms: {} };

/** Laughter in any of its WhatsApp spellings ("kkkk", "hahaha", "rsrs", "huahua") becomes one word (runs already collapsed). */
const LAUGHTER = /^(?:k|(?:ha|he|hi|hu|ua|ah|eh){2,}h?|(?:rs)+)$/;
const LAUGHTER_WORD = 'risos';

/** Lower case, accents stripped ("ñ" becomes "n"), anything that is not a letter or a digit becomes a space. */
const foldCharacters = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ');

/**
 * "buracooo" → "buraco", "socorrrro" → "socoro": every run of one letter becomes a single letter. Applied
 * to training phrases and messages alike, so "carro" and "caro" meet on the same form, which is what
 * makes stretched and doubled-letter typos harmless.
 */
const collapseRuns = (word: string): string => word.replace(/([a-z])\1+/g, '$1');

/** A word made only of digits (quadras, house numbers, times) says where or when, never what. */
const isNumber = (word: string): boolean => /^\d+$/.test(word);

const expandWord = (word: string): string => {
  if (LAUGHTER.test(word)) return LAUGHTER_WORD;
  return PT_BR_CHAT_SPELLING[word] ?? word;
};

/** Normalised synonym keys, longest first, so "quebra molas" is replaced before "molas" could be. */
const prepareSynonyms = (lexicon: Lexicon): Array<[RegExp, string]> =>
  Object.entries(lexicon.synonyms)
    .map(([from, to]) => [baseNormalize(from), baseNormalize(to)] as const)
    .filter(([from]) => from.length > 0)
    .sort((a, b) => b[0].length - a[0].length)
    .map(([from, to]) => [new RegExp(`(?<=^| )${from}(?= |$)`, 'g'), to]);

const baseNormalize = (text: string): string =>
  foldCharacters(text)
    .split(' ')
    .filter((word) => word.length > 0 && !isNumber(word))
    .map((word) => expandWord(collapseRuns(word)))
    .join(' ')
    .trim();

/** A normaliser bound to one lexicon: the same function is applied to training phrases and to messages. */
export const createNormalizer = (lexicon: Lexicon = EMPTY_LEXICON): ((text: string) => string) => {
  const synonyms = prepareSynonyms(lexicon);
  return (text: string): string => {
    let normalized = baseNormalize(text);
    for (const [pattern, replacement] of synonyms) normalized = normalized.replace(pattern, replacement);
    return normalized.replace(/ +/g, ' ').trim();
  };
};

/** Normalises with no regional lexicon: lower case, no accents, chat spelling expanded, runs collapsed, numbers dropped. */
export const normalizeText = createNormalizer();
