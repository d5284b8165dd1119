import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { User } from '../../storage/schema.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { presentUser, type PublicUser } from './users.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Only a hash of the session token is stored: a leaked database does not leak live sessions. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The user whose e-mail and password these are, and who may sign in; 401 otherwise, in the same time either way. */
export const checkPassword = async (db: Executor, repos: Repositories, email: string, password: string): Promise<User> => {
  const user = await repos.users.byEmail(db, email.trim());
  const valid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
  if (!user || !valid || user.disabled_at !== null) throw new AppError('auth.invalid_credentials', 'unauthenticated', 'E-mail ou senha incorretos.');
  return user;
};

export interface OpenedSession {
  token: string;
  user: PublicUser;
  expiresAt: number;
}

/** A new session for a user who proved who they are. */
export const openSession = async (db: Executor, repos: Repositories, user: User, now: number): Promise<OpenedSession> => {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_TTL_MS;
  await repos.sessions.create(db, hashToken(token), user.id, now, expiresAt);
  return { token, user: presentUser(user), expiresAt };
};

/** E-mail and password straight to a session (users without two-step verification; the CLI and tests). */
export const signIn = async (db: Executor, repos: Repositories, email: string, password: string, now: number): Promise<OpenedSession> =>
  openSession(db, repos, await checkPassword(db, repos, email, password), now);

export const userForSession = async (db: Executor, repos: Repositories, token: string, now: number): Promise<PublicUser | undefined> => {
  const userId = await repos.sessions.userIdFor(db, hashToken(token), now);
  if (userId === undefined) return undefined;
  const user = await repos.users.byId(db, userId);
  return user && user.disabled_at === null ? presentUser(user) : undefined;
};

export const signOut = async (db: Executor, repos: Repositories, token: string): Promise<void> => {
  await repos.sessions.remove(db, hashToken(token));
};
