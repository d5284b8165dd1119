export type { MatchingRules, Place, PlaceCandidate, PlaceConfidence, PlaceDirectory, PlaceMatch, PlacePattern, Polygon } from './types.js';
export { MIN_SCORE, matchPlace, placeLabel } from './match-place.js';
export { isInsideCity, isInsidePolygon } from './boundary.js';
export { editDistance, plainText, tokenize } from './normalize.js';
export { buildPlaceIndex, placeIndexOf, type PlaceIndex } from './place-index.js';
