import type { CityProfile } from '../../../config/city-profile.js';
import { departmentLabel, findService } from '../../../domain/catalog/index.js';
import { placeLabel } from '../../../domain/places/index.js';
import { isOverdue, type RegisteredPhoneRequest, type StaffRequest, type StaffRequestView } from '../../../domain/requests/index.js';

export type PresenterCity = Pick<CityProfile, 'catalog' | 'departments' | 'places'>;

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const serviceOf = (city: PresenterCity, code: string) => ({ code, name: findService(city.catalog, code)?.name ?? code });

const departmentOf = (city: PresenterCity, id: string) => {
  const department = city.departments.find((d) => d.id === id);
  return { id, name: department ? departmentLabel(department) : id };
};

/** The place of the city profile by its label, else the address as typed. */
const placeOf = (city: PresenterCity, request: StaffRequest): string | null => {
  const place = request.location.placeId ? city.places.places.find((p) => p.id === request.location.placeId) : undefined;
  return place ? placeLabel(place) : request.location.address;
};

export const presentSummary = (city: PresenterCity, request: StaffRequest, now: number) => ({
  protocol: request.protocol,
  service: serviceOf(city, request.serviceCode),
  department: departmentOf(city, request.departmentId),
  status: request.status,
  priority: request.priority,
  assignee: request.assigneeId === null ? null : { id: request.assigneeId, name: request.assigneeName },
  channel: request.channel,
  created_at: new Date(request.createdAt).toISOString(),
  updated_at: new Date(request.updatedAt).toISOString(),
  due_at: isoOrNull(request.expectedAt),
  overdue: isOverdue(request, now),
  place: placeOf(city, request),
  duplicate_of: request.duplicateOfProtocol,
  has_photos: request.mediaIds.length > 0,
  anonymous: request.anonymous,
  point: request.location.latitude === null || request.location.longitude === null ? null : { latitude: request.location.latitude, longitude: request.location.longitude },
});

export const presentDetail = (city: PresenterCity, request: StaffRequestView, now: number) => ({
  ...presentSummary(city, request, now),
  description: request.description,
  location: {
    latitude: request.location.latitude,
    longitude: request.location.longitude,
    place_id: request.location.placeId,
    address: request.location.address,
    reference: request.location.reference,
  },
  photos: request.mediaIds.length,
  photo_ids: [...request.mediaIds],
  closed_at: isoOrNull(request.closedAt),
  feedback: { solved: request.feedback.solved, rating: request.feedback.rating, at: isoOrNull(request.feedback.at) },
  followers: request.followers,
  duplicates: request.duplicates,
  reporter: request.reporter,
  history: request.history.map((event) => ({
    kind: event.kind,
    from: event.fromStatus,
    to: event.status,
    note: event.note,
    actor: event.actor,
    actor_name: event.actorName,
    at: new Date(event.at).toISOString(),
  })),
});

export const presentRegistered = (request: RegisteredPhoneRequest) => ({
  protocol: request.protocol,
  service: { code: request.serviceCode, name: request.serviceName },
  department: { id: request.departmentId, name: request.departmentName },
  due_at: isoOrNull(request.expectedAt),
  deadline_business_days: request.deadlineBusinessDays,
  duplicate_of: request.duplicateOf?.protocol ?? null,
  sent_on_whatsapp: request.sentOnWhatsApp,
});
