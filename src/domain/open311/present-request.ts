import { departmentLabel, findService, type CatalogService } from '../catalog/index.js';
import { isClosedStatus, type ServiceRequest } from '../requests/index.js';
import type { RequestCity } from '../requests/index.js';
import { formatW3cDateTime } from './datetime.js';
import { isConfidentialService } from './services.js';

/** GET requests / requests/{id}: every field of the spec, null where we have nothing to say. */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface PresentCity extends RequestCity {
  timezone: string;
}

/** Two decimals of a degree are about 1 km: enough to place a complaint in its region, not at a door. */
const coarse = (degrees: number | null): number | null => (degrees === null ? null : Math.round(degrees * 100) / 100);

/** What the city says to expect: the deadline in business days, and whether it is only a proposal. */
export const serviceNotice = (service: CatalogService | undefined): string | null => {
  const days = service?.deadline?.businessDays;
  if (!service || days === null || days === undefined) return null;
  const proposal = service.deadline?.status === 'official' ? '' : ' (prazo proposto; a Prefeitura ainda não publicou prazos oficiais)';
  return `Prazo previsto: ${days} dias úteis a partir da abertura${proposal}.`;
};

const placeName = (city: RequestCity, placeId: string | null): string | null =>
  placeId === null ? null : (city.places.places.find((p) => p.id === placeId)?.name ?? null);

/**
 * One request as Open311 shows it. Never any contact detail or citizen. For fiscalização (complaints), neither
 * the reporter's words (description, typed address, staff notes that may quote them) nor the exact pin, which
 * WhatsApp users often drop where they stand: only a point rounded to about 1 km.
 */
export const presentRequest = (city: PresentCity, request: ServiceRequest, statusNote: string | undefined): Open311Request => {
  const service = findService(city.catalog, request.serviceCode);
  const confidential = request.anonymous || isConfidentialService(service);
  const department = city.departments.find((d) => d.id === request.departmentId);
  const { location } = request;
  return {
    service_request_id: request.protocol,
    status: isClosedStatus(request.status) ? 'closed' : 'open',
    status_notes: confidential ? null : (statusNote ?? null),
    service_name: service?.name ?? null,
    service_code: request.serviceCode,
    description: confidential ? null : request.description || null,
    agency_responsible: department ? departmentLabel(department) : null,
    service_notice: serviceNotice(service),
    requested_datetime: formatW3cDateTime(request.createdAt, city.timezone),
    updated_datetime: formatW3cDateTime(request.updatedAt, city.timezone),
    expected_datetime: request.expectedAt === null ? null : formatW3cDateTime(request.expectedAt, city.timezone),
    address: confidential ? placeName(city, location.placeId) : (location.address ?? placeName(city, location.placeId)),
    address_id: location.placeId,
    zipcode: null,
    lat: confidential ? coarse(location.latitude) : location.latitude,
    long: confidential ? coarse(location.longitude) : location.longitude,
    media_url: null,
  };
};
