import type { Polygon } from './types.js';

/**
 * Whether a point lies inside a polygon of [lat, lng] vertices (ray casting; the polygon may or may not
 * repeat its first vertex at the end). Good enough for a city-sized outline, where the earth is flat.
 */
export const isInsidePolygon = (lat: number, lng: number, polygon: Polygon): boolean => {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [latI, lngI] = polygon[i] as [number, number];
    const [latJ, lngJ] = polygon[j] as [number, number];
    const crosses = lngI > lng !== lngJ > lng && lat < ((latJ - latI) * (lng - lngI)) / (lngJ - lngI) + latI;
    if (crosses) inside = !inside;
  }
  return inside;
};

/** Whether a shared location pin falls inside the city's (approximate) outline from the profile. */
export const isInsideCity = (lat: number, lng: number, boundary: { polygon: Polygon }): boolean =>
  Number.isFinite(lat) && Number.isFinite(lng) && isInsidePolygon(lat, lng, boundary.polygon);
