import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { User } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';
import { base32Decode } from './base32.js';
import { verifyPassword } from './passwords.js';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.js';
import { matchingStep, newTotpSecret, otpauthUri } from './totp.js';

/** The name authenticator apps show beside the account. */
export const TOTP_ISSUER = 'Whats Palmas';

export const WRONG_CODE_MESSAGE = 'Código incorreto ou expirado. Confira a hora do celular e tente de novo.';

export type TwoStepError = 'user_not_found' | 'already_enabled' | 'not_started' | 'not_enabled' | 'wrong_code' | 'wrong_password';

export interface TwoStepStatus {
  enabled: boolean;
  enabledAt: number | null;
  recoveryCodesLeft: number;
}

const subject = (id: number) => ({ type: 'user', id: String(id) });
const wrongCode = () => fail('wrong_code', 'invalid_input', WRONG_CODE_MESSAGE);

export const twoStepStatus = async (db: Executor, repos: Repositories, userId: number): Promise<TwoStepStatus> => {
  const user = await repos.users.byId(db, userId);
  const enabledAt = user?.totp_enabled_at ?? null;
  return { enabled: enabledAt !== null, enabledAt, recoveryCodesLeft: enabledAt === null ? 0 : await repos.twoStep.unusedRecoveryCodes(db, userId) };
};

/** Whether a TOTP code of the user's current secret was typed, for a 30-second step not used before (which is then spent). */
const takeTotpCode = async (db: Executor, repos: Repositories, user: User, code: string, now: number): Promise<boolean> => {
  const key = user.totp_secret ? base32Decode(user.totp_secret) : undefined;
  const step = key && /^\d{6}$/.test(code) ? matchingStep(key, code, now) : undefined;
  return step !== undefined && repos.twoStep.claimStep(db, user.id, step);
};

/**
 * The second factor of a user with two-step on: a current code from the app (each 30-second step once) or one of the
 * recovery codes (each once).
 */
export const takeSecondFactor = async (db: Executor, repos: Repositories, user: User, typed: string, now: number): Promise<boolean> => {
  if (user.totp_enabled_at === null) return false;
  const code = typed.replace(/\s/g, '');
  if (looksLikeRecoveryCode(code)) return repos.twoStep.useRecoveryCode(db, user.id, hashRecoveryCode(code), now);
  return takeTotpCode(db, repos, user, code, now);
};

/**
 * Starts enrolment: a new secret, shown once to be put in the app; two-step stays off until a code confirms it. The
 * password is asked again, so a session left open (or stolen) cannot tie the account to someone else's phone.
 */
export const startTwoStep = async (db: Executor, repos: Repositories, userId: number, password: string): Promise<Result<{ secret: string; otpauthUri: string }, TwoStepError>> => {
  const user = await repos.users.byId(db, userId);
  if (!user) return fail('user_not_found', 'not_found', 'Usuário não encontrado.');
  if (!(await verifyPassword(user.password_hash, password))) return fail('wrong_password', 'invalid_input', 'A senha atual não confere.');
  const secret = newTotpSecret();
  if (!(await repos.twoStep.setPendingSecret(db, user.id, secret))) return fail('already_enabled', 'conflict', 'A verificação em duas etapas já está ativa.');
  return ok({ secret, otpauthUri: otpauthUri(TOTP_ISSUER, user.email, secret) });
};

/** A code from the app proves it holds the secret: two-step goes on and recovery codes are made, returned once. Audited. */
export const confirmTwoStep = async (db: Executor, repos: Repositories, userId: number, code: string, now: number): Promise<Result<{ recoveryCodes: string[] }, TwoStepError>> =>
  inTransaction(db, async (tx): Promise<Result<{ recoveryCodes: string[] }, TwoStepError>> => {
    const user = await repos.users.byId(tx, userId);
    if (!user) return fail('user_not_found', 'not_found', 'Usuário não encontrado.');
    if (user.totp_enabled_at !== null) return fail('already_enabled', 'conflict', 'A verificação em duas etapas já está ativa.');
    const key = user.totp_secret ? base32Decode(user.totp_secret) : undefined;
    if (!key) return fail('not_started', 'conflict', 'Comece de novo: gere um novo código QR.');
    const step = matchingStep(key, code.replace(/\s/g, ''), now);
    if (step === undefined || !(await repos.twoStep.enable(tx, userId, now, step))) return wrongCode();
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await repos.twoStep.replaceRecoveryCodes(tx, userId, recoveryCodes.map(hashRecoveryCode));
    await recordAudit(tx, repos, { actorUserId: userId, action: 'user.two_step_enabled', subject: subject(userId) }, now);
    return ok({ recoveryCodes });
  });

/** The user turns two-step off: their password and a current code (or a recovery code) are asked. Audited. */
export const turnOffTwoStep = async (db: Executor, repos: Repositories, input: { userId: number; password: string; code: string }, now: number): Promise<Result<void, TwoStepError>> => {
  const user = await repos.users.byId(db, input.userId);
  if (!user) return fail('user_not_found', 'not_found', 'Usuário não encontrado.');
  if (user.totp_enabled_at === null) return fail('not_enabled', 'conflict', 'A verificação em duas etapas não está ativa.');
  if (!(await verifyPassword(user.password_hash, input.password))) return fail('wrong_password', 'invalid_input', 'A senha atual não confere.');
  return inTransaction(db, async (tx): Promise<Result<void, TwoStepError>> => {
    if (!(await takeSecondFactor(tx, repos, user, input.code, now))) return wrongCode();
    await repos.twoStep.turnOff(tx, user.id);
    await recordAudit(tx, repos, { actorUserId: user.id, action: 'user.two_step_disabled', subject: subject(user.id) }, now);
    return ok(undefined);
  });
};

/**
 * An admin turns two-step off for someone who lost their phone; that person's sessions end. Audited, as a password
 * reset. `actor` null: from the server's command line (`whats-palmas user reset-two-step`), for a locked-out last admin.
 */
export const resetStaffTwoStep = async (db: Executor, repos: Repositories, actor: { id: number } | null, id: number, now: number): Promise<Result<void, TwoStepError>> =>
  inTransaction(db, async (tx): Promise<Result<void, TwoStepError>> => {
    const user = await repos.users.byId(tx, id);
    if (!user) return fail('user_not_found', 'not_found', 'Usuário não encontrado.');
    if (user.totp_enabled_at === null && user.totp_secret === null) return fail('not_enabled', 'conflict', 'A verificação em duas etapas não está ativa para este usuário.');
    await repos.twoStep.turnOff(tx, id);
    await repos.sessions.removeForUser(tx, id);
    await recordAudit(tx, repos, { actorUserId: actor?.id ?? null, action: 'user.two_step_reset', subject: subject(id) }, now);
    return ok(undefined);
  });
