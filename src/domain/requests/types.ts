import type { ExtraClosure, OfficeCalendar } from '../calendar/index.js';
import type { Catalog, Department } from '../catalog/index.js';
import type { PlaceDirectory } from '../places/index.js';
import type { RequestEventKind, RequestPriority, ServiceRequestChannel } from '../../storage/schema.js';

export type { RequestEventKind, RequestPriority };
import type { Actor, RequestStatus } from './statuses.js';

/** The parts of the city profile requests need (a CityProfile fits). */
export interface RequestCity {
  catalog: Catalog;
  departments: readonly Department[];
  calendar: OfficeCalendar;
  places: PlaceDirectory;
}

export type RequestChannel = ServiceRequestChannel;

/** Where the problem is: a pin, a place of the city profile, typed text, or several of these. */
export interface RequestLocation {
  latitude?: number | undefined;
  longitude?: number | undefined;
  placeId?: string | undefined;
  /** The address as typed or as a pin's label. */
  text?: string | undefined;
}

export interface OpenServiceRequestInput {
  serviceCode: string;
  /** Null: no known citizen (Open311 without contact). */
  citizenKey: string | null;
  channel: RequestChannel;
  location?: RequestLocation | undefined;
  description?: string | undefined;
  /** Reference point ("em frente à escola"). */
  reference?: string | undefined;
  /** `media.media_id` of photos the citizen sent in the chat. */
  mediaIds?: readonly string[] | undefined;
  /** Who opened it, for the first event; default 'citizen' when a citizen is known, else 'system'. */
  actor?: Actor | undefined;
  /** The caller, when the phone team registers someone not known on WhatsApp (or an Open311 contact). */
  contact?: { name?: string | undefined; phone?: string | undefined } | undefined;
}

export interface OpenServiceRequestOptions {
  /** Coordinator closures that also stop the deadline clock. */
  closures?: readonly ExtraClosure[] | undefined;
}

export interface OpenedServiceRequest {
  id: number;
  protocol: string;
  serviceCode: string;
  serviceName: string;
  departmentId: string;
  /** "Secretaria Municipal de Infraestrutura e Habitação (Seihab)". */
  departmentName: string;
  /** Unix ms, or null when the service has no deadline. */
  expectedAt: number | null;
  deadlineBusinessDays: number | null;
  createdAt: number;
  /** The open request this report repeats (same service, nearby): the citizen now follows it. */
  duplicateOf: { id: number; protocol: string } | null;
}

export interface RequestEvent {
  kind: RequestEventKind;
  fromStatus: RequestStatus | null;
  status: RequestStatus;
  note: string | null;
  actor: string;
  at: number;
}

export interface ServiceRequest {
  id: number;
  protocol: string;
  serviceCode: string;
  departmentId: string;
  citizenKey: string | null;
  channel: RequestChannel;
  status: RequestStatus;
  location: { latitude: number | null; longitude: number | null; placeId: string | null; address: string | null; reference: string | null };
  description: string;
  mediaIds: string[];
  expectedAt: number | null;
  createdAt: number;
  updatedAt: number;
  priority: RequestPriority;
  assigneeId: number | null;
  /** The department never sees who reported (fiscalização); the citizen still hears of progress. */
  anonymous: boolean;
  /** The caller, when the phone team registered someone not known on WhatsApp. */
  contact: { name: string | null; phone: string | null };
  /** Id of the open request this one repeats. */
  duplicateOf: number | null;
  closedAt: number | null;
  /** The citizen's verdict on conclusion; null until they answer. */
  feedback: { solved: boolean | null; rating: number | null; at: number | null };
}

export interface ServiceRequestWithHistory extends ServiceRequest {
  history: RequestEvent[];
}
