import type { Executor } from '../database.js';
import type { PendingSignInRow } from '../schema.js';

/** Sign-ins past the password, waiting for a two-step code; kept by the hash of their token. */
export class PendingSignInsRepository {
  async create(db: Executor, tokenHash: string, userId: number, now: number, expiresAt: number): Promise<void> {
    await db.insertInto('pending_sign_ins').values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: expiresAt }).execute();
  }

  /** The pending sign-in, while it has not expired. */
  async find(db: Executor, tokenHash: string, now: number): Promise<PendingSignInRow | undefined> {
    return db.selectFrom('pending_sign_ins').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
  }

  /** Counts a wrong code against it; returns how many it has had. */
  async countFailure(db: Executor, tokenHash: string): Promise<number> {
    const row = await db
      .updateTable('pending_sign_ins')
      .set((eb) => ({ failed_codes: eb('failed_codes', '+', 1) }))
      .where('token_hash', '=', tokenHash)
      .returning('failed_codes')
      .executeTakeFirst();
    return Number(row?.failed_codes ?? 0);
  }

  async remove(db: Executor, tokenHash: string): Promise<void> {
    await db.deleteFrom('pending_sign_ins').where('token_hash', '=', tokenHash).execute();
  }

  async purgeExpired(db: Executor, now: number): Promise<void> {
    await db.deleteFrom('pending_sign_ins').where('expires_at', '<=', now).execute();
  }
}
