import type { ServiceRequestEventRow, ServiceRequestRow } from '../../storage/schema.js';
import type { RequestEvent, ServiceRequest } from './types.js';

const mediaIdsOf = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
};

export const toServiceRequest = (row: ServiceRequestRow): ServiceRequest => ({
  id: Number(row.id),
  protocol: row.protocol,
  serviceCode: row.service_code,
  departmentId: row.department_id,
  citizenKey: row.citizen_key,
  channel: row.channel,
  status: row.status,
  location: { latitude: row.latitude, longitude: row.longitude, placeId: row.place_id, address: row.address, reference: row.reference },
  description: row.description,
  mediaIds: mediaIdsOf(row.media_ids),
  expectedAt: row.expected_at === null ? null : Number(row.expected_at),
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
});

export const toRequestEvent = (row: ServiceRequestEventRow): RequestEvent => ({
  fromStatus: row.from_status,
  status: row.status,
  note: row.note,
  actor: row.actor,
  at: Number(row.at),
});
