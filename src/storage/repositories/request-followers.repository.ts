import type { Executor } from '../database.js';

/** Citizens told of a request's progress besides its own citizen (those whose reports were linked to it). */
export class RequestFollowersRepository {
  /** Adds the follower; adding one twice changes nothing. */
  async add(db: Executor, requestId: number, citizenKey: string, now: number): Promise<void> {
    await db
      .insertInto('request_followers')
      .values({ request_id: requestId, citizen_key: citizenKey, created_at: now })
      .onConflict((oc) => oc.columns(['request_id', 'citizen_key']).doNothing())
      .execute();
  }

  async remove(db: Executor, requestId: number, citizenKey: string): Promise<void> {
    await db.deleteFrom('request_followers').where('request_id', '=', requestId).where('citizen_key', '=', citizenKey).execute();
  }

  async of(db: Executor, requestId: number): Promise<string[]> {
    const rows = await db.selectFrom('request_followers').select('citizen_key').where('request_id', '=', requestId).orderBy('created_at').execute();
    return rows.map((row) => row.citizen_key);
  }

  /** Whether the citizen follows the request (they may then look it up as if it were theirs). */
  async follows(db: Executor, requestId: number, citizenKey: string): Promise<boolean> {
    return (await db.selectFrom('request_followers').select('request_id').where('request_id', '=', requestId).where('citizen_key', '=', citizenKey).executeTakeFirst()) !== undefined;
  }
}
