import { digitsOf, editDistance, keyVariants, tokenize } from './normalize.js';
import { placeIndexOf, type PlaceIndex } from './place-index.js';
import type { Place, PlaceCandidate, PlaceDirectory, PlaceMatch } from './types.js';

/** Below this a candidate is not offered at all. */
export const MIN_SCORE = 0.6;
/** Alternatives within this distance of the best are shown with it. */
const ALTERNATIVE_GAP = 0.15;
/** An alternative this close to the best makes the match ambiguous. */
const AMBIGUITY_GAP = 0.02;
/** A place found inside a longer text ("moro na 106 sul") is worth a bit less than the whole text. */
const PART_OF_TEXT = 0.92;
const FUZZY = 0.95;
const PATTERN = 0.85;
const MAX_WINDOW = 5;
const MAX_ALTERNATIVES = 4;

const allowedEdits = (length: number): number => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

interface Window {
  tokens: string[];
  factor: number;
  fuzzyAllowed: boolean;
}

const windowsOf = (tokens: string[]): Window[] => {
  const windows: Window[] = [{ tokens, factor: 1, fuzzyAllowed: true }];
  for (let size = Math.min(MAX_WINDOW, tokens.length - 1); size >= 1; size -= 1) {
    for (let start = 0; start + size <= tokens.length; start += 1) {
      const part = tokens.slice(start, start + size);
      // Typos are only forgiven on long words inside a sentence: "certo" must not become "Centro".
      windows.push({ tokens: part, factor: PART_OF_TEXT, fuzzyAllowed: part.join('').length >= 7 });
    }
  }
  return windows;
};

const patternPlace = (index: PlaceIndex, key: string): Place | null => {
  if (index.byKey.get(key)?.some((e) => e.weight >= 0.9)) return null;
  for (const { regex, pattern } of index.patterns) {
    const m = regex.exec(key);
    if (!m) continue;
    const name = pattern.name.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
    return {
      id: `${pattern.id}:${m[1] ?? key}`,
      name,
      officialName: null,
      kind: pattern.kind,
      region: pattern.region,
      aliases: [],
      uncertainAliases: [],
      confidence: pattern.confidence,
      outsideCity: false,
      note: pattern.note,
      source: `pattern ${pattern.id}`,
    };
  }
  return null;
};

const collect = (index: PlaceIndex, tokens: string[]): Map<string, PlaceCandidate> => {
  const found = new Map<string, PlaceCandidate>();
  const offer = (place: Place, score: number, matchedName: string): void => {
    const current = found.get(place.id);
    if (!current || current.score < score) found.set(place.id, { place, score, matchedName });
  };
  for (const window of windowsOf(tokens)) {
    for (const variant of keyVariants(window.tokens, index.directory.matching)) {
      const base = window.factor * variant.weight;
      for (const entry of index.byKey.get(variant.key) ?? []) offer(entry.place, base * entry.weight, entry.name);
      if (variant.weight === 1) {
        const byPattern = patternPlace(index, variant.key);
        if (byPattern) offer(byPattern, base * PATTERN, byPattern.name);
      }
      const limit = allowedEdits(variant.key.length);
      if (!window.fuzzyAllowed || limit === 0) continue;
      const digits = digitsOf(variant.key);
      for (const [key, entries] of index.byKey) {
        if (key === variant.key || digitsOf(key) !== digits) continue;
        const distance = editDistance(variant.key, key, limit);
        if (distance > limit) continue;
        const closeness = 1 - distance / Math.max(key.length, variant.key.length);
        for (const entry of entries) offer(entry.place, base * entry.weight * closeness * FUZZY, entry.name);
      }
    }
  }
  return found;
};

const CONFIDENCE_ORDER = { alta: 0, media: 1, baixa: 2 } as const;

const byScore = (a: PlaceCandidate, b: PlaceCandidate): number =>
  b.score - a.score ||
  CONFIDENCE_ORDER[a.place.confidence] - CONFIDENCE_ORDER[b.place.confidence] ||
  a.place.name.localeCompare(b.place.name);

/**
 * Finds the place a citizen means in free text ("arse 12", "Q. 106 Sul", "moro no aureny 3", "taquarussu"):
 * forgiving of case, accents, spacing, prefixes such as "quadra"/"qd", a missing "sul"/"norte" when only one
 * quadra fits, roman numerals and small typos (never in the digits: 106 is not 108). Returns the best candidate,
 * close alternatives, and whether the best is a place outside the city (Luzimangues, Goiânia…).
 */
export const matchPlace = (text: string, directory: PlaceDirectory): PlaceMatch => {
  const index = placeIndexOf(directory);
  const tokens = tokenize(text.slice(0, 200), directory.matching);
  if (tokens.length === 0) return { status: 'none', best: null, alternatives: [], ambiguous: false };
  const ranked = [...collect(index, tokens).values()]
    .map((c) => ({ ...c, score: Math.round(c.score * 1000) / 1000 }))
    .filter((c) => c.score >= MIN_SCORE)
    .sort(byScore);
  const [best, ...rest] = ranked;
  if (!best) return { status: 'none', best: null, alternatives: [], ambiguous: false };
  const alternatives = rest.filter((c) => c.score >= best.score - ALTERNATIVE_GAP).slice(0, MAX_ALTERNATIVES);
  const first = alternatives[0];
  return {
    status: best.place.outsideCity ? 'outside' : 'inside',
    best,
    alternatives,
    ambiguous: first !== undefined && first.score >= best.score - AMBIGUITY_GAP,
  };
};

/** "106 Sul (ARSE 12)", or the name alone. */
export const placeLabel = (place: Place): string =>
  place.officialName && place.officialName !== place.name ? `${place.name} (${place.officialName})` : place.name;
