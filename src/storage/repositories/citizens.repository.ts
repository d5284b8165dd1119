import type { Executor } from '../database.js';
import type { Updateable } from 'kysely';
import type { Citizen, CitizenProfileRow, CitizenProfileTable } from '../schema.js';

export interface SeenCitizen {
  key: string;
  waId: string;
  userId: string | undefined;
  profileName: string | undefined;
  at: number;
}

export class CitizensRepository {
  /** Creates the citizen on first contact; later contacts refresh the profile name and the 24-hour window. */
  async recordContact(db: Executor, seen: SeenCitizen): Promise<Citizen> {
    return db
      .insertInto('citizens')
      .values({
        key: seen.key,
        wa_id: seen.waId,
        user_id: seen.userId ?? null,
        profile_name: seen.profileName ?? null,
        first_seen_at: seen.at,
        last_inbound_at: seen.at,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          profile_name: eb.fn.coalesce(eb.ref('excluded.profile_name'), eb.ref('citizens.profile_name')),
          user_id: eb.fn.coalesce(eb.ref('excluded.user_id'), eb.ref('citizens.user_id')),
          last_inbound_at: eb
            .case()
            .when('excluded.last_inbound_at', '>', eb.ref('citizens.last_inbound_at'))
            .then(eb.ref('excluded.last_inbound_at'))
            .else(eb.ref('citizens.last_inbound_at'))
            .end(),
        })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The first citizen whose WhatsApp id is one of `waIds` (a phone number written several ways). */
  async byWaIds(db: Executor, waIds: readonly string[]): Promise<Citizen | undefined> {
    if (waIds.length === 0) return undefined;
    return db.selectFrom('citizens').selectAll().where('wa_id', 'in', [...waIds]).orderBy('last_inbound_at', 'desc').executeTakeFirst();
  }

  async byKey(db: Executor, key: string): Promise<Citizen | undefined> {
    return db.selectFrom('citizens').selectAll().where('key', '=', key).executeTakeFirst();
  }

  async profileByKey(db: Executor, key: string): Promise<CitizenProfileRow | undefined> {
    return db.selectFrom('citizen_profiles').selectAll().where('citizen_key', '=', key).executeTakeFirst();
  }

  /** Creates the profile row on the first change, then updates only the given columns. */
  async updateProfile(db: Executor, key: string, change: ProfileChange, now: number): Promise<CitizenProfileRow> {
    const set = { ...change, updated_at: now };
    return db
      .insertInto('citizen_profiles')
      .values({ ...set, citizen_key: key, created_at: now })
      .onConflict((oc) => oc.column('citizen_key').doUpdateSet(set))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** How many rows of each kind we keep about a citizen (for "meus dados"). */
  async storedCounts(db: Executor, key: string): Promise<StoredCounts> {
    const row = await db
      .selectNoFrom((eb) => [
        eb.selectFrom('inbound_messages').select((e) => e.fn.countAll<number>().as('n')).where('citizen_key', '=', key).as('received'),
        eb.selectFrom('outbox').select((e) => e.fn.countAll<number>().as('n')).where('recipient', '=', key).as('sent'),
        eb.selectFrom('media').select((e) => e.fn.countAll<number>().as('n')).where('citizen_key', '=', key).as('media'),
        eb.selectFrom('service_requests').select((e) => e.fn.countAll<number>().as('n')).where('citizen_key', '=', key).as('requests'),
        eb.selectFrom('handoffs').select((e) => e.fn.countAll<number>().as('n')).where('citizen_key', '=', key).as('handoffs'),
      ])
      .executeTakeFirstOrThrow();
    return {
      messagesReceived: Number(row.received),
      messagesSent: Number(row.sent),
      media: Number(row.media),
      requests: Number(row.requests),
      handoffs: Number(row.handoffs),
    };
  }
}

export type ProfileChange = Omit<Updateable<CitizenProfileTable>, 'citizen_key' | 'created_at' | 'updated_at'>;

export interface StoredCounts {
  messagesReceived: number;
  messagesSent: number;
  media: number;
  requests: number;
  handoffs: number;
}
