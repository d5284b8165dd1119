import type { Executor } from '../database.js';

export class SessionsRepository {
  async create(db: Executor, tokenHash: string, userId: number, now: number, expiresAt: number): Promise<void> {
    await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt }).execute();
  }

  async userIdFor(db: Executor, tokenHash: string, now: number): Promise<number | undefined> {
    const row = await db
      .selectFrom('sessions')
      .select('user_id')
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row ? Number(row.user_id) : undefined;
  }

  async remove(db: Executor, tokenHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async purgeExpired(db: Executor, now: number): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  /** Ends every session of a user (disabled, or given a new password). */
  async removeForUser(db: Executor, userId: number): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Ends every session of a user but the one whose token hashes to `keepTokenHash`. */
  async removeOthers(db: Executor, userId: number, keepTokenHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).execute();
  }

  /** When each user last signed in, among sessions still kept (signing out or expiry forgets older ones). */
  async lastSignIns(db: Executor, userId?: number): Promise<Map<number, number>> {
    let select = db.selectFrom('sessions').select(['user_id', (eb) => eb.fn.max('created_at').as('at')]);
    if (userId !== undefined) select = select.where('user_id', '=', userId);
    const rows = await select.groupBy('user_id').execute();
    return new Map(rows.map((row) => [Number(row.user_id), Number(row.at)]));
  }
}
