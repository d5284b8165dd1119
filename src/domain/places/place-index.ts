import { keyVariants, tokenize } from './normalize.js';
import type { Place, PlaceDirectory } from './types.js';

export interface IndexEntry {
  place: Place;
  weight: number;
  name: string;
}

export interface PlaceIndex {
  directory: PlaceDirectory;
  byKey: Map<string, IndexEntry[]>;
  patterns: { regex: RegExp; pattern: PlaceDirectory['patterns'][number] }[];
}

const CONFIDENCE_WEIGHT = { alta: 1, media: 0.97, baixa: 0.94 } as const;
const UNCERTAIN_ALIAS_WEIGHT = 0.85;

const add = (byKey: Map<string, IndexEntry[]>, key: string, entry: IndexEntry): void => {
  const entries = byKey.get(key) ?? [];
  const same = entries.find((e) => e.place.id === entry.place.id);
  if (same) {
    if (same.weight < entry.weight) Object.assign(same, entry);
    return;
  }
  entries.push(entry);
  byKey.set(key, entries);
};

export const buildPlaceIndex = (directory: PlaceDirectory): PlaceIndex => {
  const byKey = new Map<string, IndexEntry[]>();
  for (const place of directory.places) {
    const confidence = CONFIDENCE_WEIGHT[place.confidence];
    const names: [string, number][] = [
      [place.name, 1],
      // An official name taken from a conflicting source is only as good as an uncertain alias.
      ...(place.officialName
        ? [[place.officialName, place.uncertainAliases.includes(place.officialName) ? UNCERTAIN_ALIAS_WEIGHT : 1] as [string, number]]
        : []),
      ...place.aliases.map((a): [string, number] => [a, 1]),
      ...place.uncertainAliases.map((a): [string, number] => [a, UNCERTAIN_ALIAS_WEIGHT]),
    ];
    for (const [name, weight] of names) {
      for (const variant of keyVariants(tokenize(name, directory.matching), directory.matching)) {
        add(byKey, variant.key, { place, weight: weight * variant.weight * confidence, name });
      }
    }
  }
  const patterns = directory.patterns.map((pattern) => ({ regex: new RegExp(pattern.match), pattern }));
  return { directory, byKey, patterns };
};

const cache = new WeakMap<PlaceDirectory, PlaceIndex>();

/** The index of a directory, built once and kept while the directory object lives. */
export const placeIndexOf = (directory: PlaceDirectory): PlaceIndex => {
  let index = cache.get(directory);
  if (!index) {
    index = buildPlaceIndex(directory);
    cache.set(directory, index);
  }
  return index;
};
