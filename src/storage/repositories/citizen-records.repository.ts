import { sql } from 'kysely';
import type { Executor } from '../database.js';
import type { Citizen } from '../schema.js';

export interface CitizenSearch {
  /** Part of a name (registered or WhatsApp's), any case. */
  name?: string | undefined;
  /** WhatsApp ids the typed number may be (see whatsAppIdsOf). */
  waIds?: readonly string[] | undefined;
  /** This citizen only (is their record open to a department?). */
  key?: string | undefined;
  /** Whose request this protocol is. */
  protocol?: string | undefined;
  /** Only citizens with a conversation or a non-anonymous request in this department. */
  departmentId?: string | undefined;
  limit: number;
}

export interface CitizenHit extends Citizen {
  registered_name: string | null;
}

/** Everything stored about one citizen, as rows, for an LGPD export. */
export type CitizenRecords = Record<string, unknown[]>;

/** A citizen's records across tables: staff search, LGPD export, and anonymisation. */
export class CitizenRecordsRepository {
  async search(db: Executor, query: CitizenSearch): Promise<CitizenHit[]> {
    let select = db
      .selectFrom('citizens')
      .leftJoin('citizen_profiles', 'citizen_profiles.citizen_key', 'citizens.key')
      .selectAll('citizens')
      .select('citizen_profiles.name as registered_name');
    if (query.key !== undefined) select = select.where('citizens.key', '=', query.key);
    if (query.waIds) select = select.where('citizens.wa_id', 'in', query.waIds.length ? [...query.waIds] : ['']);
    if (query.name) {
      const pattern = `%${query.name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) =>
        eb.or([sql<boolean>`lower(citizen_profiles.name) like ${pattern} escape '\\'`, sql<boolean>`lower(citizens.profile_name) like ${pattern} escape '\\'`]),
      );
    }
    if (query.protocol) select = select.where('citizens.key', 'in', db.selectFrom('service_requests').select('citizen_key').where('protocol', '=', query.protocol).where('citizen_key', 'is not', null).$castTo<{ citizen_key: string }>());
    const department = query.departmentId;
    if (department !== undefined) {
      select = select.where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('handoffs').select('handoffs.id').whereRef('handoffs.citizen_key', '=', 'citizens.key').where('handoffs.department_id', '=', department)),
          eb.exists(
            eb
              .selectFrom('service_requests')
              .select('service_requests.id')
              .whereRef('service_requests.citizen_key', '=', 'citizens.key')
              .where('service_requests.department_id', '=', department)
              .where('service_requests.anonymous', '=', 0),
          ),
        ]),
      );
    }
    return select.orderBy('citizens.last_inbound_at', 'desc').limit(query.limit).execute();
  }

  async handoffsOf(db: Executor, key: string) {
    return db.selectFrom('handoffs').selectAll().where('citizen_key', '=', key).orderBy('id', 'desc').execute();
  }

  /** Every row that names the citizen or is theirs, table by table. */
  async export(db: Executor, citizen: Pick<Citizen, 'key' | 'wa_id'>): Promise<CitizenRecords> {
    const { key } = citizen;
    const recipients = [...new Set([key, citizen.wa_id].filter(Boolean))];
    const handoffs = await this.handoffsOf(db, key);
    const requests = await db.selectFrom('service_requests').selectAll().where('citizen_key', '=', key).orderBy('id').execute();
    return {
      citizen: await db.selectFrom('citizens').selectAll().where('key', '=', key).execute(),
      profile: await db.selectFrom('citizen_profiles').selectAll().where('citizen_key', '=', key).execute(),
      messages_received: await db.selectFrom('inbound_messages').select(['wamid', 'type', 'sent_at', 'received_at', 'payload']).where('citizen_key', '=', key).orderBy('id').execute(),
      messages_sent: await db.selectFrom('outbox').select(['wamid', 'payload', 'state', 'delivery', 'created_at', 'author']).where('recipient', 'in', recipients).orderBy('id').execute(),
      conversation_state: await db.selectFrom('conversations').selectAll().where('citizen_key', '=', key).execute(),
      attendances: handoffs,
      attendance_messages: handoffs.length ? await db.selectFrom('handoff_messages').selectAll().where('handoff_id', 'in', handoffs.map((h) => Number(h.id))).orderBy('id').execute() : [],
      requests,
      request_events: requests.length ? await db.selectFrom('service_request_events').selectAll().where('request_id', 'in', requests.map((r) => Number(r.id))).orderBy('id').execute() : [],
      requests_followed: await db.selectFrom('request_followers').selectAll().where('citizen_key', '=', key).execute(),
      media: await db.selectFrom('media').select(['media_id', 'mime_type', 'sha256', 'size_bytes', 'status', 'created_at']).where('citizen_key', '=', key).execute(),
      data_requests: await db.selectFrom('data_requests').selectAll().where('citizen_key', '=', key).execute(),
      broadcast_topics: await db.selectFrom('citizen_topics').selectAll().where('citizen_key', '=', key).execute(),
      consents: await db.selectFrom('consent_events').selectAll().where('citizen_key', '=', key).orderBy('id').execute(),
    };
  }

  /**
   * Removes the citizen's personal data: their contact and profile, messages both ways, conversations with staff,
   * media, and queued work; their requests stay, detached from them (no citizen, no caller contact, no photos), as
   * the city's record of the service. Returns the stored media paths no one else uses, for the caller to delete.
   */
  async anonymise(tx: Executor, citizen: Pick<Citizen, 'key' | 'wa_id'>): Promise<{ mediaPaths: string[]; requests: number }> {
    const { key } = citizen;
    const recipients = [...new Set([key, citizen.wa_id].filter(Boolean))];
    const media = await tx.selectFrom('media').select(['path']).where('citizen_key', '=', key).execute();
    const paths = [...new Set(media.map((m) => m.path).filter((p): p is string => p !== null))];
    const handoffIds = (await this.handoffsOf(tx, key)).map((h) => Number(h.id));
    if (handoffIds.length) await tx.deleteFrom('handoff_messages').where('handoff_id', 'in', handoffIds).execute();
    await tx.deleteFrom('handoffs').where('citizen_key', '=', key).execute();
    const detached = await tx
      .updateTable('service_requests')
      .set({ citizen_key: null, contact_name: null, contact_phone: null, media_ids: '[]' })
      .where('citizen_key', '=', key)
      .executeTakeFirst();
    await tx.deleteFrom('request_followers').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('media').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('message_statuses').where('recipient', 'in', recipients).execute();
    await tx.deleteFrom('outbox').where('recipient', 'in', recipients).execute();
    await tx.deleteFrom('broadcast_recipients').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('inbound_messages').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('jobs').where('group_key', '=', key).execute();
    await tx.deleteFrom('conversations').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('data_requests').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('citizen_topics').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('consent_events').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('citizen_profiles').where('citizen_key', '=', key).execute();
    await tx.deleteFrom('citizens').where('key', '=', key).execute();
    const stillUsed = paths.length ? (await tx.selectFrom('media').select('path').where('path', 'in', paths).execute()).map((m) => m.path) : [];
    return { mediaPaths: paths.filter((p) => !stillUsed.includes(p)), requests: Number(detached.numUpdatedRows) };
  }
}
