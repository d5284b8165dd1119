import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { passwordProblem } from './password-policy.js';
import { hashToken } from './sessions.js';

export type ChangePasswordError = 'wrong_password' | 'weak_password' | 'same_password' | 'user_not_found';

/**
 * A signed-in user sets their own password: the current one must be right, the new one good enough and different.
 * Every other session of theirs ends (a stolen session does not outlive the change); the one in use stays. Audited.
 */
export const changeOwnPassword = async (
  db: Executor,
  repos: Repositories,
  /** `sessionToken`: the session in use, which stays open. */
  input: { userId: number; current: string; next: string; sessionToken: string },
  now: number,
): Promise<Result<void, ChangePasswordError>> => {
  const user = await repos.users.byId(db, input.userId);
  if (!user) return fail('user_not_found', 'not_found', 'Usuário não encontrado.');
  if (!(await verifyPassword(user.password_hash, input.current))) return fail('wrong_password', 'invalid_input', 'A senha atual não confere.');
  if (input.next === input.current) return fail('same_password', 'invalid_input', 'A nova senha precisa ser diferente da atual.');
  const problem = passwordProblem(input.next, user);
  if (problem) return fail('weak_password', 'invalid_input', problem);
  const passwordHash = await hashPassword(input.next);
  return inTransaction(db, async (tx) => {
    await repos.users.setPasswordHash(tx, user.id, passwordHash, false);
    await repos.sessions.removeOthers(tx, user.id, hashToken(input.sessionToken));
    await recordAudit(tx, repos, { actorUserId: user.id, action: 'user.password_changed', subject: { type: 'user', id: String(user.id) } }, now);
    return ok(undefined);
  });
};
