import { useEffect, useState } from 'react';
import { useApiGet } from '../../api/use-api-get';

export interface LookedUpPlace {
  id: string;
  name: string;
  region: string | null;
}

export interface PlaceLookup {
  place: { status: 'inside' | 'outside' | 'none'; best: LookedUpPlace | null; alternatives: LookedUpPlace[]; ambiguous: boolean } | null;
  point_inside_city: boolean | null;
}

const PAUSE_MS = 350;

/** What a typed address resolves to, asked once the typing pauses; undefined while there is nothing (yet) to show. */
export const usePlaceLookup = (address: string): { lookup: PlaceLookup | undefined; searching: boolean } => {
  const text = address.trim();
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text), PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const { data, loading } = useApiGet<PlaceLookup>(settled ? `/api/places/lookup?address=${encodeURIComponent(settled)}` : null);
  const current = text !== '' && settled === text;
  return { lookup: current ? data : undefined, searching: text !== '' && (!current || loading) };
};

/** The place to register when the operator picked none: the one the address clearly means. */
export const resolvedPlaceId = (lookup: PlaceLookup | undefined): string | undefined =>
  lookup?.place?.status === 'inside' && !lookup.place.ambiguous ? lookup.place.best?.id : undefined;
