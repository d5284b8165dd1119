import type { MatchingRules } from './types.js';

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4', v: '5', vi: '6', vii: '7', viii: '8', ix: '9', x: '10' };

/** Lower case, no accents, punctuation as spaces, letters and digits apart ("ARSE12" → "arse 12", "106s" → "106 s"). */
export const plainText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .trim();

/**
 * Tokens with abbreviations expanded and roman numerals after the first word turned into digits
 * ("Jd. Aureny III" → ["jardim", "aureny", "3"]).
 */
export const tokenize = (text: string, rules: MatchingRules): string[] => {
  const raw = plainText(text).split(' ').filter(Boolean);
  return raw.map((token, index) => {
    const expanded = rules.synonyms[token] ?? token;
    return index > 0 && ROMAN[expanded] ? (ROMAN[expanded] as string) : expanded;
  });
};

/** Drops leading words such as "quadra", "qd", "q" while something is left. */
export const withoutPrefixes = (tokens: string[], rules: MatchingRules): string[] => {
  let start = 0;
  while (start < tokens.length - 1 && rules.ignoredPrefixes.includes(tokens[start] as string)) start += 1;
  return tokens.slice(start);
};

export interface KeyVariant {
  key: string;
  /** How much this way of saying it is worth relative to the exact name. */
  weight: number;
}

/**
 * The compact keys a sequence of tokens can be found under: as written; without words such as "jardim";
 * and without a final "sul"/"norte". Keys that would be a bare suffix word or shorter than 3 characters are left out.
 */
export const keyVariants = (tokens: string[], rules: MatchingRules): KeyVariant[] => {
  const core = withoutPrefixes(tokens, rules);
  const variants: KeyVariant[] = [{ key: core.join(''), weight: 1 }];
  const usable = (key: string): boolean => key.length >= 3 && !rules.optionalSuffixes.includes(key);
  const stripped = core.filter((t) => !rules.ignoredWords.includes(t));
  if (stripped.length > 0 && stripped.length < core.length && usable(stripped.join('')))
    variants.push({ key: stripped.join(''), weight: 0.95 });
  for (const base of [core, stripped]) {
    const last = base[base.length - 1];
    if (base.length >= 2 && last && rules.optionalSuffixes.includes(last)) {
      const key = base.slice(0, -1).join('');
      if (usable(key)) variants.push({ key, weight: 0.9 });
    }
  }
  return variants;
};

/** Optimal string alignment distance (edits, with adjacent swaps), or `limit + 1` once it is exceeded. */
export const editDistance = (a: string, b: string, limit: number): number => {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
};

export const digitsOf = (key: string): string => key.replace(/\D/g, '');
