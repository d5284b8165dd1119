import type { ServiceRequestEventRow, ServiceRequestRow } from '../../storage/schema.js';
import type { RequestEvent, ServiceRequest } from './types.js';

const mediaIdsOf = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
};

// bigint columns arrive as strings from PostgreSQL.
const nullableNumber = (value: number | string | null): number | null => (value === null ? null : Number(value));

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
  priority: row.priority,
  assigneeId: nullableNumber(row.assignee_id),
  anonymous: row.anonymous === 1,
  contact: { name: row.contact_name, phone: row.contact_phone },
  duplicateOf: nullableNumber(row.duplicate_of),
  closedAt: nullableNumber(row.closed_at),
  feedback: { solved: row.solved === null ? null : row.solved === 1, rating: row.rating, at: nullableNumber(row.feedback_at) },
});

export const toRequestEvent = (row: ServiceRequestEventRow): RequestEvent => ({
  kind: row.kind,
  fromStatus: row.from_status,
  status: row.status,
  note: row.note,
  actor: row.actor,
  at: Number(row.at),
});
