import type { CatalogService, ServiceField } from '../catalog/index.js';
import { isInsideCity, type PlaceDirectory } from '../places/index.js';
import { fail, ok, type Result } from './result.js';
import type { OpenServiceRequestInput } from './types.js';

/** Limits where the catalog field sets none: enough for a citizen, small enough to refuse a 100 KB paste. */
export const DEFAULT_MAX_LENGTH = { description: 2000, reference: 300, address: 300, placeId: 100 } as const;
/**
 * Other systems (Open311) send what their users wrote plus their own title and link: the spec allows 4,000
 * characters, and refusing a longer text would lose the report (their retries fail alike). The catalog's field limit
 * is for what we ask a citizen to type in one WhatsApp message.
 */
export const SYSTEM_DESCRIPTION_MAX = 4000;
const MAX_MEDIA = 10;

export type RequestInputErrorCode =
  | 'unknown_service'
  | 'not_a_request_service'
  | 'missing_field'
  | 'field_too_long'
  | 'invalid_location'
  | 'location_outside_city';

/** What is stored, cleaned: trimmed text, empty strings as null. */
export interface ValidRequestFields {
  latitude: number | null;
  longitude: number | null;
  placeId: string | null;
  address: string | null;
  reference: string | null;
  description: string;
  mediaIds: string[];
}

const clean = (text: string | undefined): string | null => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
};

const tooLong = (field: string, max: number) => fail('field_too_long', 'invalid_input', `${field} is longer than ${max} characters`, { field, max });

const fieldFor = (service: CatalogService, code: string): ServiceField | undefined => service.fields.find((f) => f.code === code);

/**
 * Checks a request against its catalog entry: every required field present (location = a pin, a place or an
 * address; text fields; photos), lengths within the field's limit, a pin inside the city's outline and not a place
 * the profile marks as outside the city. Pure: media existence is checked against storage by the caller.
 */
export const validateRequestFields = (
  service: CatalogService,
  places: PlaceDirectory,
  input: OpenServiceRequestInput,
): Result<ValidRequestFields, RequestInputErrorCode> => {
  const { location } = input;
  const latitude = location?.latitude ?? null;
  const longitude = location?.longitude ?? null;
  const fields: ValidRequestFields = {
    latitude,
    longitude,
    placeId: clean(location?.placeId),
    address: clean(location?.text),
    reference: clean(input.reference),
    description: clean(input.description) ?? '',
    mediaIds: [...new Set(input.mediaIds ?? [])],
  };
  if ((latitude === null) !== (longitude === null)) return fail('invalid_location', 'invalid_input', 'latitude and longitude go together');
  if (latitude !== null && longitude !== null) {
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180)
      return fail('invalid_location', 'invalid_input', 'latitude or longitude out of range');
    if (!isInsideCity(latitude, longitude, places.boundary)) return fail('location_outside_city', 'invalid_input', 'the location is outside the city');
  }
  if (fields.placeId && places.places.some((p) => p.id === fields.placeId && p.outsideCity))
    return fail('location_outside_city', 'invalid_input', `place ${fields.placeId} is outside the city`);

  const fieldMax = fieldFor(service, 'description')?.maxLength ?? DEFAULT_MAX_LENGTH.description;
  const descriptionMax = input.channel === 'open311' ? Math.max(fieldMax, SYSTEM_DESCRIPTION_MAX) : fieldMax;
  if (fields.description.length > descriptionMax) return tooLong('description', descriptionMax);
  const referenceMax = fieldFor(service, 'reference')?.maxLength ?? DEFAULT_MAX_LENGTH.reference;
  if (fields.reference && fields.reference.length > referenceMax) return tooLong('reference', referenceMax);
  if (fields.address && fields.address.length > DEFAULT_MAX_LENGTH.address) return tooLong('address', DEFAULT_MAX_LENGTH.address);
  if (fields.placeId && fields.placeId.length > DEFAULT_MAX_LENGTH.placeId) return tooLong('placeId', DEFAULT_MAX_LENGTH.placeId);
  const mediaMax = fieldFor(service, 'photos')?.maxItems ?? MAX_MEDIA;
  if (fields.mediaIds.length > mediaMax) return fail('field_too_long', 'invalid_input', `more than ${mediaMax} photos`, { field: 'photos', max: mediaMax });

  for (const field of service.fields.filter((f) => f.required)) {
    if (!isPresent(field, fields)) return fail('missing_field', 'invalid_input', `${field.code} is required for ${service.code}`, { field: field.code });
  }
  // The description is what the team reads: required even if a catalog forgot to say so.
  if (!fields.description) return fail('missing_field', 'invalid_input', `description is required for ${service.code}`, { field: 'description' });
  return ok(fields);
};

/** Text fields: "reference" is the reference point, any other text field is the description. */
const isPresent = (field: ServiceField, fields: ValidRequestFields): boolean => {
  if (field.kind === 'location') return fields.latitude !== null || fields.placeId !== null || fields.address !== null;
  if (field.kind === 'photos') return fields.mediaIds.length > 0;
  return field.code === 'reference' ? fields.reference !== null : fields.description !== '';
};
