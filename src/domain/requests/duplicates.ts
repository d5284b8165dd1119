import type { CatalogService } from '../catalog/index.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ServiceRequestRow } from '../../storage/schema.js';
import { OPEN_STATUSES } from './statuses.js';

const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE_LATITUDE = 111_320;
const radians = (degrees: number): number => (degrees * Math.PI) / 180;

export interface Point {
  latitude: number;
  longitude: number;
}

/** Great-circle distance in metres (haversine): plenty precise for a few hundred metres. */
export const distanceMeters = (a: Point, b: Point): number => {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
};

/**
 * The open request of the same service nearest to `point` within the service's radius, if any: the same pothole
 * reported twice. Only pins count (a typed address is too vague to say two reports are the same problem), and only
 * primary requests (a duplicate is never the target of another link).
 */
export const findDuplicate = async (db: Executor, repos: Repositories, service: CatalogService, point: Point): Promise<ServiceRequestRow | undefined> => {
  const radius = service.duplicateRadiusMeters;
  if (radius <= 0) return undefined;
  const dLat = radius / METRES_PER_DEGREE_LATITUDE;
  const dLon = radius / (METRES_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(radians(point.latitude))));
  const box = { south: point.latitude - dLat, north: point.latitude + dLat, west: point.longitude - dLon, east: point.longitude + dLon };
  const candidates = await repos.requests.inBox(db, service.code, OPEN_STATUSES, box);
  let nearest: { row: ServiceRequestRow; distance: number } | undefined;
  for (const row of candidates) {
    if (row.latitude === null || row.longitude === null) continue;
    const distance = distanceMeters(point, { latitude: row.latitude, longitude: row.longitude });
    if (distance <= radius && (!nearest || distance < nearest.distance)) nearest = { row, distance };
  }
  return nearest?.row;
};
