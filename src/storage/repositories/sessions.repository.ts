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
}
