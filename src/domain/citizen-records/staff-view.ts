import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { HandoffRow } from '../../storage/schema.js';
import { departmentScope, type StaffViewer } from '../attendants/staff.js';
import { getCitizenProfile, whatsAppIdsOf, type CitizenProfile, type DataRequest } from '../citizens/index.js';
import { toDataRequest } from '../citizens/mapping.js';
import { canSeeRequest, type ServiceRequest } from '../requests/index.js';
import { toServiceRequest } from '../requests/mapping.js';
import { recordAudit } from '../audit/index.js';
import { auditSubjectOf } from './pseudonym.js';

export const MAX_CITIZEN_RESULTS = 30;
const MAX_REQUESTS_LISTED = 200;
const PROTOCOL = /^\d{4}-\d{6}$/;

export interface CitizenSummary {
  key: string;
  waId: string | null;
  name: string | null;
  profileName: string | null;
  lastInboundAt: number;
}

export interface CitizenRecord {
  profile: CitizenProfile;
  /** Requests the viewer may see; never an anonymous one (it would tell who reported it). */
  requests: ServiceRequest[];
  /** Conversations with staff, newest first, in the viewer's queues. */
  conversations: Array<Pick<HandoffRow, 'id' | 'department_id' | 'status' | 'taken_by' | 'created_at' | 'closed_at'> & { takenByName: string | null }>;
  dataRequests: DataRequest[];
  /** Broadcast topics they receive now. */
  topics: string[];
  /** Every consent given or withdrawn, newest first, with the words they were shown. */
  consents: Array<{ subject: string; topicId: string | null; granted: boolean; wording: string; channel: string; at: number }>;
}

/**
 * Citizens matching a phone number (any form), a protocol or part of a name. Users limited to a department find only
 * citizens with a conversation or a non-anonymous request there; a short or empty text finds nobody.
 */
export const findCitizens = async (db: Executor, repos: Repositories, viewer: StaffViewer, text: string): Promise<CitizenSummary[]> => {
  const q = text.trim();
  if (q.length < 2) return [];
  const waIds = whatsAppIdsOf(q);
  const search = PROTOCOL.test(q) ? { protocol: q } : waIds.length > 0 ? { waIds } : /\d{4,}/.test(q) ? { waIds: [q.replace(/\D/g, '')] } : { name: q };
  const hits = await repos.citizenRecords.search(db, { ...search, departmentId: departmentScope(viewer), limit: MAX_CITIZEN_RESULTS });
  return hits.map((hit) => ({ key: hit.key, waId: hit.wa_id || null, name: hit.registered_name, profileName: hit.profile_name, lastInboundAt: Number(hit.last_inbound_at) }));
};

/** Whether the viewer may open this citizen's record (the same rule as the search). */
const mayOpen = async (db: Executor, repos: Repositories, viewer: StaffViewer, key: string): Promise<boolean> => {
  const hits = await repos.citizenRecords.search(db, { key, departmentId: departmentScope(viewer), limit: 1 });
  return hits.length > 0;
};

/** A citizen as staff see them, or undefined when absent or outside the viewer's department. */
export const citizenRecord = async (db: Executor, repos: Repositories, viewer: StaffViewer, key: string): Promise<CitizenRecord | undefined> => {
  if (!(await mayOpen(db, repos, viewer, key))) return undefined;
  const profile = await getCitizenProfile(db, repos, key);
  if (!profile) return undefined;
  const requests = (await repos.requests.forCitizen(db, key, MAX_REQUESTS_LISTED)).map(toServiceRequest);
  const scope = departmentScope(viewer);
  const handoffs = (await repos.citizenRecords.handoffsOf(db, key)).filter((h) => scope === undefined || h.department_id === scope);
  const attendants = await repos.users.byIds(db, [...new Set(handoffs.flatMap((h) => (h.taken_by === null ? [] : [Number(h.taken_by)])))]);
  const nameOf = (id: number) => attendants.find((user) => user.id === id)?.name ?? null;
  return {
    profile,
    requests: requests.filter((request) => !request.anonymous && canSeeRequest(viewer, request)),
    conversations: handoffs.map((h) => ({ ...h, takenByName: h.taken_by === null ? null : nameOf(Number(h.taken_by)) })),
    dataRequests: (await repos.dataRequests.forCitizen(db, key)).map(toDataRequest),
    topics: profile.broadcast.optedIn ? await repos.consent.topicsOf(db, key) : [],
    consents: (await repos.consent.history(db, key)).map((e) => ({ subject: e.subject, topicId: e.topic_id, granted: Number(e.granted) === 1, wording: e.wording, channel: e.channel, at: Number(e.at) })),
  };
};

/** The record as a person opens it in the console: reading someone's personal data is itself recorded (LGPD). */
export const openCitizenRecord = async (db: Executor, repos: Repositories, viewer: StaffViewer, key: string, now: number): Promise<CitizenRecord | undefined> => {
  const record = await citizenRecord(db, repos, viewer, key);
  if (record) await recordAudit(db, repos, { actorUserId: viewer.id, action: 'citizen.viewed', subject: auditSubjectOf(key) }, now);
  return record;
};
