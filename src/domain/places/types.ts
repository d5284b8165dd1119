export type PlaceConfidence = 'alta' | 'media' | 'baixa';

export interface Place {
  id: string;
  /** How people say it ("106 Sul"). */
  name: string;
  /** The official / registry name where one exists ("ARSE 12"). */
  officialName: string | null;
  kind: string;
  region: string | null;
  aliases: string[];
  /** Names from conflicting or irregular sources: matched with a lower score. */
  uncertainAliases: string[];
  confidence: PlaceConfidence;
  /** Mentioned by people but not the city's jurisdiction (Luzimangues is Porto Nacional). */
  outsideCity: boolean;
  note: string | null;
  source: string;
}

/** A family of places recognised by shape ("NNN Sul") rather than listed one by one. */
export interface PlacePattern {
  id: string;
  /** Regular expression over the compact key (lower case, no accents, no spaces). */
  match: string;
  /** Display name; $1… are the capture groups. */
  name: string;
  kind: string;
  region: string | null;
  confidence: PlaceConfidence;
  note: string | null;
}

export interface MatchingRules {
  /** Words that may open an address and say nothing ("quadra", "qd", "q"). */
  ignoredPrefixes: string[];
  /** Last words that may be left out when that leaves no doubt ("sul", "norte"). */
  optionalSuffixes: string[];
  /** Words a name can be said with or without ("jardim", "setor"). */
  ignoredWords: string[];
  /** Abbreviations, token by token ("jd" → "jardim", "s" → "sul"). */
  synonyms: Record<string, string>;
}

/** A polygon of [lat, lng] vertices. */
export type Polygon = [number, number][];

export interface PlaceDirectory {
  matching: MatchingRules;
  patterns: PlacePattern[];
  boundary: { note: string; polygon: Polygon };
  places: Place[];
}

export interface PlaceCandidate {
  place: Place;
  /** 0–1; 1 = the whole text is exactly one of the place's names. */
  score: number;
  /** The name or alias that matched. */
  matchedName: string;
}

export interface PlaceMatch {
  /** inside: a place of the city; outside: a place people mention that is not the city; none: nothing fits. */
  status: 'inside' | 'outside' | 'none';
  best: PlaceCandidate | null;
  /** Other candidates close to the best one, best first (for "Você quis dizer…?"). */
  alternatives: PlaceCandidate[];
  /** The first alternative is as good as the best: ask the citizen to choose instead of confirming one. */
  ambiguous: boolean;
}
