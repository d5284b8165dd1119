import type { AudienceFilter } from '../../storage/repositories/broadcast-audience.sql.js';
import { placeLabel, type PlaceDirectory } from '../places/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import type { BroadcastAudience, BroadcastCity } from './types.js';

export type AudienceErrorCode = 'unknown_topic' | 'unknown_neighborhood' | 'unknown_region';

const unique = (values: readonly string[]): string[] => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];

export const normalizeAudience = (audience: Partial<BroadcastAudience>): BroadcastAudience => ({
  topics: unique(audience.topics ?? []),
  neighborhoods: unique(audience.neighborhoods ?? []),
  regions: unique(audience.regions ?? []),
});

const cityPlaces = (places: PlaceDirectory) => places.places.filter((p) => !p.outsideCity);

/** A neighbourhood is a place of the city, or one recognised by a pattern (`quadra-sul:1105`). */
const isNeighborhood = (places: PlaceDirectory, id: string): boolean =>
  cityPlaces(places).some((p) => p.id === id) || places.patterns.some((p) => id.startsWith(`${p.id}:`));

const regionsOf = (places: PlaceDirectory): string[] =>
  [...new Set([...cityPlaces(places).map((p) => p.region), ...places.patterns.map((p) => p.region)].filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, 'pt-BR'));

/** Checks an audience against the city and turns it into what the database filters on. */
export const resolveAudience = (city: BroadcastCity, audience: BroadcastAudience): Result<AudienceFilter, AudienceErrorCode> => {
  const topicIds = new Set(city.broadcastTopics.map((t) => t.id));
  const badTopic = audience.topics.find((t) => !topicIds.has(t));
  if (badTopic !== undefined) return fail('unknown_topic', 'invalid_input', `Não há o tema "${badTopic}" entre os temas de avisos da cidade.`, { topic: badTopic });
  const badPlace = audience.neighborhoods.find((id) => !isNeighborhood(city.places, id));
  if (badPlace !== undefined) return fail('unknown_neighborhood', 'invalid_input', `Não conheço o bairro ou quadra "${badPlace}".`, { neighborhood: badPlace });
  const regions = regionsOf(city.places);
  const badRegion = audience.regions.find((r) => !regions.includes(r));
  if (badRegion !== undefined) return fail('unknown_region', 'invalid_input', `Não conheço a região "${badRegion}".`, { region: badRegion });
  const inRegions = (region: string | null) => region !== null && audience.regions.includes(region);
  return ok({
    topics: audience.topics,
    placeIds: [...new Set([...audience.neighborhoods, ...cityPlaces(city.places).filter((p) => inRegions(p.region)).map((p) => p.id)])],
    placePrefixes: city.places.patterns.filter((p) => inRegions(p.region)).map((p) => `${p.id}:`),
  });
};

export interface AudienceOptions {
  topics: Array<{ id: string; title: string; description: string }>;
  neighborhoods: Array<{ id: string; name: string; region: string | null }>;
  regions: string[];
}

/** What a coordinator can choose an audience from. */
export const audienceOptions = (city: BroadcastCity): AudienceOptions => ({
  topics: city.broadcastTopics.map(({ id, title, description }) => ({ id, title, description })),
  neighborhoods: cityPlaces(city.places).map((p) => ({ id: p.id, name: placeLabel(p), region: p.region })),
  regions: regionsOf(city.places),
});
