import type { Executor } from '../database.js';

/** Two-step verification of console users: the secret on the users row, recovery codes beside it. */
export class TwoStepRepository {
  /** A new secret waiting for its first code; refused (false) while two-step is on, so it cannot be swapped silently. */
  async setPendingSecret(db: Executor, userId: number, secret: string): Promise<boolean> {
    const result = await db.updateTable('users').set({ totp_secret: secret, totp_last_step: null }).where('id', '=', userId).where('totp_enabled_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Turns two-step on with the step of the code that confirmed it; false when it was already on. */
  async enable(db: Executor, userId: number, now: number, step: number): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ totp_enabled_at: now, totp_last_step: step })
      .where('id', '=', userId)
      .where('totp_enabled_at', 'is', null)
      .where('totp_secret', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Takes `step` as the user's last accepted one, only if it is later than the last: true when taken. One statement,
   * so two sign-ins racing with the same code cannot both win.
   */
  async claimStep(db: Executor, userId: number, step: number): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Two-step off: secret, last step and recovery codes gone. */
  async turnOff(db: Executor, userId: number): Promise<void> {
    await db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', userId).execute();
    await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  }

  async replaceRecoveryCodes(db: Executor, userId: number, hashes: readonly string[]): Promise<void> {
    await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length > 0) await db.insertInto('totp_recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
  }

  /** Marks the code used; true only the first time (an unknown or used code: false). */
  async useRecoveryCode(db: Executor, userId: number, hash: string, now: number): Promise<boolean> {
    const result = await db.updateTable('totp_recovery_codes').set({ used_at: now }).where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async unusedRecoveryCodes(db: Executor, userId: number): Promise<number> {
    const row = await db
      .selectFrom('totp_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
