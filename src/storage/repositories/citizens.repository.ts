import type { Executor } from '../database.js';
import type { Citizen } from '../schema.js';

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

  async byKey(db: Executor, key: string): Promise<Citizen | undefined> {
    return db.selectFrom('citizens').selectAll().where('key', '=', key).executeTakeFirst();
  }
}
