import type { Insertable } from 'kysely';
import type { Executor } from '../database.js';
import type {
  ServiceRequestEventRow,
  ServiceRequestEventTable,
  ServiceRequestRow,
  ServiceRequestStatus,
  ServiceRequestTable,
} from '../schema.js';

export type NewServiceRequest = Omit<Insertable<ServiceRequestTable>, 'id'>;
export type NewServiceRequestEvent = Omit<Insertable<ServiceRequestEventTable>, 'id'>;

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
  async updateStatus(db: Executor, id: number, from: ServiceRequestStatus, to: ServiceRequestStatus, now: number): Promise<ServiceRequestRow | undefined> {
    return db
      .updateTable('service_requests')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', from)
      .returningAll()
      .executeTakeFirst();
  }
}
