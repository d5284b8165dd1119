import type { Citizen, CitizenProfileRow, DataRequestRow } from '../../storage/schema.js';
import type { BroadcastState, CitizenPlace, CitizenProfile, ConsentState, DataRequest } from './types.js';

const num = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

export const placeOf = (row: CitizenProfileRow | undefined): CitizenPlace | null =>
  row && (row.place_id !== null || row.place_text !== null || row.place_latitude !== null)
    ? { placeId: row.place_id, text: row.place_text, latitude: row.place_latitude, longitude: row.place_longitude }
    : null;

/** Current answer: accepted_at set and not declined since (accepting clears declined_at). */
export const consentOf = (row: CitizenProfileRow | undefined): ConsentState => {
  if (row?.consent_declined_at != null) return { status: 'declined', at: num(row.consent_declined_at), notice: row.consent_notice };
  if (row?.consent_accepted_at != null) return { status: 'accepted', at: num(row.consent_accepted_at), notice: row.consent_notice };
  return { status: 'unanswered', at: null, notice: null };
};

export const broadcastOf = (row: CitizenProfileRow | undefined): BroadcastState => {
  if (row?.broadcast_opted_out_at != null) return { optedIn: false, at: num(row.broadcast_opted_out_at), source: row.broadcast_source };
  if (row?.broadcast_opted_in_at != null) return { optedIn: true, at: num(row.broadcast_opted_in_at), source: row.broadcast_source };
  return { optedIn: false, at: null, source: null };
};

export const toCitizenProfile = (key: string, citizen: Citizen | undefined, row: CitizenProfileRow | undefined): CitizenProfile => ({
  key,
  waId: citizen?.wa_id ?? null,
  profileName: citizen?.profile_name ?? null,
  firstSeenAt: num(citizen?.first_seen_at),
  lastInboundAt: num(citizen?.last_inbound_at),
  name: row?.name ?? null,
  place: placeOf(row),
  consent: consentOf(row),
  broadcast: broadcastOf(row),
});

export const toDataRequest = (row: DataRequestRow): DataRequest => ({ id: Number(row.id), kind: row.kind, status: row.status, createdAt: Number(row.created_at) });
