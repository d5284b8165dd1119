import { randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { checkPassword, hashToken, openSession, type OpenedSession } from './sessions.js';
import { takeSecondFactor, WRONG_CODE_MESSAGE } from './two-step.js';

/** How long a right password waits for its code. */
export const PENDING_SIGN_IN_TTL_MS = 5 * 60 * 1000;
/** Wrong codes one pending sign-in takes before the password must be typed again. */
export const MAX_CODE_TRIES = 5;

export type SignInStep = { kind: 'signed_in'; session: OpenedSession } | { kind: 'code_needed'; pendingToken: string; expiresAt: number };

/**
 * The password step: a session straight away for users without two-step verification; for the others, a pending
 * sign-in (only its token's hash is stored, as for sessions) that a code completes within five minutes.
 */
export const beginSignIn = async (db: Executor, repos: Repositories, email: string, password: string, now: number): Promise<SignInStep> => {
  const user = await checkPassword(db, repos, email, password);
  if (user.totp_enabled_at === null) return { kind: 'signed_in', session: await openSession(db, repos, user, now) };
  const pendingToken = randomBytes(32).toString('base64url');
  const expiresAt = now + PENDING_SIGN_IN_TTL_MS;
  await repos.pendingSignIns.create(db, hashToken(pendingToken), user.id, now, expiresAt);
  return { kind: 'code_needed', pendingToken, expiresAt };
};

const expired = () => new AppError('auth.sign_in_expired', 'unauthenticated', 'O tempo para digitar o código acabou. Entre de novo com e-mail e senha.');

/** The e-mail of a pending sign-in's user (the sign-in throttle counts code guesses per account); undefined when unknown. */
export const pendingSignInEmail = async (db: Executor, repos: Repositories, pendingToken: string, now: number): Promise<string | undefined> => {
  const pending = await repos.pendingSignIns.find(db, hashToken(pendingToken), now);
  return pending && (await repos.users.byId(db, Number(pending.user_id)))?.email;
};

/**
 * The code step: a current code from the app or a recovery code opens the session and ends the pending sign-in. A
 * wrong code counts against it; after `MAX_CODE_TRIES` the password must be typed again.
 */
export const finishSignIn = async (db: Executor, repos: Repositories, pendingToken: string, code: string, now: number): Promise<OpenedSession> => {
  const tokenHash = hashToken(pendingToken);
  const pending = await repos.pendingSignIns.find(db, tokenHash, now);
  const user = pending && (await repos.users.byId(db, Number(pending.user_id)));
  if (!user || user.disabled_at !== null || user.totp_enabled_at === null) throw expired();
  const session = await inTransaction(db, async (tx) => {
    if (!(await takeSecondFactor(tx, repos, user, code, now))) return undefined;
    await repos.pendingSignIns.remove(tx, tokenHash);
    return openSession(tx, repos, user, now);
  });
  if (session) return session;
  if ((await repos.pendingSignIns.countFailure(db, tokenHash)) >= MAX_CODE_TRIES) {
    await repos.pendingSignIns.remove(db, tokenHash);
    throw new AppError('auth.too_many_codes', 'unauthenticated', 'Muitos códigos errados. Entre de novo com e-mail e senha.');
  }
  throw new AppError('auth.invalid_code', 'unauthenticated', WRONG_CODE_MESSAGE);
};
