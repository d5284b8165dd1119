import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../database.js';
import type {
  RequestPriority,
  ServiceRequestEventRow,
  ServiceRequestEventTable,
  ServiceRequestRow,
  ServiceRequestStatus,
  ServiceRequestTable,
} from '../schema.js';

export type NewServiceRequest = Omit<Insertable<ServiceRequestTable>, 'id'>;
export type NewServiceRequestEvent = Omit<Insertable<ServiceRequestEventTable>, 'id'>;
export type ServiceRequestChanges = Pick<
  Updateable<ServiceRequestTable>,
  'assignee_id' | 'priority' | 'duplicate_of' | 'solved' | 'rating' | 'feedback_at' | 'status' | 'closed_at'
>;

/** A latitude/longitude box, degrees. */
export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** What `list` filters on; every field is optional and they combine with AND. */
export interface ServiceRequestQuery {
  protocols?: readonly string[] | undefined;
  serviceCodes?: readonly string[] | undefined;
  statuses?: readonly ServiceRequestStatus[] | undefined;
  departmentId?: string | undefined;
  /** Unix ms, inclusive. */
  createdFrom?: number | undefined;
  /** Unix ms, inclusive. */
  createdTo?: number | undefined;
  /** Case-insensitive substring of protocol, description or address. */
  search?: string | undefined;
  /** Keyset paging: only requests with a smaller id (the next page after the last one seen). */
  beforeId?: number | undefined;
  /** A user's id, or null for requests nobody is assigned to. */
  assigneeId?: number | null | undefined;
  priorities?: readonly RequestPriority[] | undefined;
  /** Unix ms: only requests due before it (a due date is set and has passed). */
  dueBefore?: number | undefined;
  /** Leave out reports linked to another request as duplicates. */
  primaryOnly?: boolean | undefined;
  /** Place ids of the city profile (quadras, setores) the request was reported at. */
  placeIds?: readonly string[] | undefined;
  limit: number;
  offset?: number | undefined;
}

/** `%`, `_` and the escape character itself match literally in LIKE patterns built from user text. */
const likePattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Service requests, their status history, and the yearly protocol counters. */
export class ServiceRequestsRepository {
  /**
   * The next sequence number of `year`, in one atomic statement: the first call of a year inserts 1, later ones
   * bump the row. On PostgreSQL the row stays locked until the caller's transaction ends, so concurrent openings
   * queue behind it and a rolled-back opening gives its number back; SQLite serialises writers anyway.
   */
  async nextSequence(db: Executor, year: number): Promise<number> {
    const row = await db
      .insertInto('protocol_counters')
      .values({ year, last: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb(eb.ref('protocol_counters.last'), '+', 1) })))
      .returning('last')
      .executeTakeFirstOrThrow();
    return Number(row.last);
  }

  async insert(db: Executor, request: NewServiceRequest): Promise<ServiceRequestRow> {
    return db.insertInto('service_requests').values(request).returningAll().executeTakeFirstOrThrow();
  }

  async addEvent(db: Executor, event: NewServiceRequestEvent): Promise<ServiceRequestEventRow> {
    return db.insertInto('service_request_events').values(event).returningAll().executeTakeFirstOrThrow();
  }

  async byProtocol(db: Executor, protocol: string): Promise<ServiceRequestRow | undefined> {
    return db.selectFrom('service_requests').selectAll().where('protocol', '=', protocol).executeTakeFirst();
  }

  async events(db: Executor, requestId: number): Promise<ServiceRequestEventRow[]> {
    return db.selectFrom('service_request_events').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
  }

  /** A citizen's requests, newest first. */
  async forCitizen(db: Executor, citizenKey: string, limit: number): Promise<ServiceRequestRow[]> {
    return db.selectFrom('service_requests').selectAll().where('citizen_key', '=', citizenKey).orderBy('id', 'desc').limit(limit).execute();
  }

  /**
   * Moves a request from `from` to `to` only if it is still in `from` (two attendants acting at once: the second
   * finds nothing to update). Returns the updated row, or undefined when the status had changed meanwhile.
   */
  async updateStatus(
    db: Executor,
    id: number,
    from: ServiceRequestStatus,
    to: ServiceRequestStatus,
    now: number,
    closedAt: number | null = null,
  ): Promise<ServiceRequestRow | undefined> {
    return db
      .updateTable('service_requests')
      .set({ status: to, updated_at: now, closed_at: closedAt })
      .where('id', '=', id)
      .where('status', '=', from)
      .returningAll()
      .executeTakeFirst();
  }

  /** Requests matching `query`, newest first (by id, which follows opening order). */
  async list(db: Executor, query: ServiceRequestQuery): Promise<ServiceRequestRow[]> {
    // An empty list matches nothing (SQL has no `in ()`).
    if ([query.protocols, query.serviceCodes, query.statuses, query.priorities, query.placeIds].some((list) => list?.length === 0)) return [];
    let select = db.selectFrom('service_requests').selectAll();
    if (query.protocols) select = select.where('protocol', 'in', [...query.protocols]);
    if (query.serviceCodes) select = select.where('service_code', 'in', [...query.serviceCodes]);
    if (query.statuses) select = select.where('status', 'in', [...query.statuses]);
    if (query.departmentId !== undefined) select = select.where('department_id', '=', query.departmentId);
    if (query.createdFrom !== undefined) select = select.where('created_at', '>=', query.createdFrom);
    if (query.createdTo !== undefined) select = select.where('created_at', '<=', query.createdTo);
    if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
    if (query.assigneeId !== undefined) select = query.assigneeId === null ? select.where('assignee_id', 'is', null) : select.where('assignee_id', '=', query.assigneeId);
    if (query.priorities) select = select.where('priority', 'in', [...query.priorities]);
    if (query.dueBefore !== undefined) select = select.where('expected_at', '<', query.dueBefore);
    if (query.primaryOnly) select = select.where('duplicate_of', 'is', null);
    if (query.placeIds) select = select.where('place_id', 'in', [...query.placeIds]);
    if (query.search) {
      const pattern = likePattern(query.search);
      select = select.where((eb) =>
        eb.or(
          (['protocol', 'description', 'address'] as const).map((column) => sql<boolean>`lower(${eb.ref(column)}) like ${pattern} escape '\\'`),
        ),
      );
    }
    return select.orderBy('id', 'desc').limit(query.limit).offset(query.offset ?? 0).execute();
  }

  /** The newest note of a status change for each request (internal notes of other kinds are not included). */
  async latestNotes(db: Executor, requestIds: readonly number[]): Promise<Map<number, string>> {
    if (requestIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('service_request_events')
      .select(['request_id', 'note'])
      .where('request_id', 'in', [...requestIds])
      .where('note', 'is not', null)
      .where('kind', '=', 'status')
      .orderBy('id', 'desc')
      .execute();
    const notes = new Map<number, string>();
    for (const row of rows) if (row.note !== null && !notes.has(Number(row.request_id))) notes.set(Number(row.request_id), row.note);
    return notes;
  }

  /** Sets other columns than the status (assignee, priority, duplicate link, feedback); returns the row. */
  async update(db: Executor, id: number, changes: ServiceRequestChanges, now: number): Promise<ServiceRequestRow | undefined> {
    return db.updateTable('service_requests').set({ ...changes, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async byId(db: Executor, id: number): Promise<ServiceRequestRow | undefined> {
    return db.selectFrom('service_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Requests of a service in one of `statuses` whose pin falls in the box (candidates for a duplicate). */
  async inBox(db: Executor, serviceCode: string, statuses: readonly ServiceRequestStatus[], box: Box): Promise<ServiceRequestRow[]> {
    return db
      .selectFrom('service_requests')
      .selectAll()
      .where('service_code', '=', serviceCode)
      .where('status', 'in', [...statuses])
      .where('latitude', '>=', box.south)
      .where('latitude', '<=', box.north)
      .where('longitude', '>=', box.west)
      .where('longitude', '<=', box.east)
      .where('duplicate_of', 'is', null)
      .orderBy('id')
      .limit(50)
      .execute();
  }

  /** The reports linked to a primary request. */
  async duplicatesOf(db: Executor, primaryId: number): Promise<ServiceRequestRow[]> {
    return db.selectFrom('service_requests').selectAll().where('duplicate_of', '=', primaryId).orderBy('id').execute();
  }

  /** Open requests whose due date has passed, oldest due first; of one department when given. */
  async overdue(db: Executor, openStatuses: readonly ServiceRequestStatus[], now: number, departmentId?: string): Promise<ServiceRequestRow[]> {
    let select = db.selectFrom('service_requests').selectAll().where('status', 'in', [...openStatuses]).where('expected_at', '<', now);
    if (departmentId !== undefined) select = select.where('department_id', '=', departmentId);
    return select.orderBy('expected_at').limit(1000).execute();
  }

  /** The protocols of these requests, by id (to show what a duplicate is linked to). */
  async protocolsByIds(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('service_requests').select(['id', 'protocol']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((row) => [Number(row.id), row.protocol]));
  }
}
