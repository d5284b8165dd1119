import { randomBytes } from 'node:crypto';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { UserChange } from '../../storage/repositories/users.repository.js';
import type { User } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Department } from '../catalog/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';
import { hashPassword } from './passwords.js';
import { createUser, presentUser, ROLES, type PublicUser, type Role } from './users.js';

export interface StaffMember extends PublicUser {
  disabled: boolean;
  createdAt: number;
  /** Among sessions still kept; null when none. */
  lastSignInAt: number | null;
  /** Signs in with a code from an authenticator app too. */
  twoStep: boolean;
}

export type ManageUsersError = 'user_not_found' | 'invalid_input' | 'email_taken' | 'unknown_department' | 'self_change' | 'last_admin';

/** Who acts on users: an admin (the routes check the role). */
export interface Actor {
  id: number;
}

const subject = (id: number) => ({ type: 'user', id: String(id) });

/** A temporary password to give someone by hand: 12 characters, easy to read aloud (no 0/O, 1/l). */
export const temporaryPassword = (): string => {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]).join('');
};

const member = (user: User, lastSignIns: ReadonlyMap<number, number>): StaffMember => ({
  ...presentUser(user),
  disabled: user.disabled_at !== null,
  createdAt: Number(user.created_at),
  lastSignInAt: lastSignIns.get(Number(user.id)) ?? null,
  twoStep: user.totp_enabled_at !== null,
});

export const listStaff = async (db: Executor, repos: Repositories): Promise<StaffMember[]> => {
  const lastSignIns = await repos.sessions.lastSignIns(db);
  return (await repos.users.all(db)).map((user) => member(user, lastSignIns));
};

/** One user as the users screen shows them; undefined when there is no such user. */
export const findStaff = async (db: Executor, repos: Repositories, id: number): Promise<StaffMember | undefined> => {
  const user = await repos.users.byId(db, id);
  return user && member(user, await repos.sessions.lastSignIns(db, id));
};

/** Creates a user (admins); without a password one is made up and returned once, to hand over. Audited. */
export const addStaff = async (
  db: Executor,
  repos: Repositories,
  actor: Actor,
  input: { email: string; name: string; role: Role; departmentId?: string | undefined; password?: string | undefined },
  departments: readonly Pick<Department, 'id'>[],
  now: number,
): Promise<Result<{ user: PublicUser; password: string | null }, ManageUsersError>> => {
  if (input.departmentId !== undefined && !departments.some((d) => d.id === input.departmentId)) return fail('unknown_department', 'invalid_input', 'Secretaria desconhecida.');
  if (await repos.users.byEmail(db, input.email.trim().toLowerCase())) return fail('email_taken', 'conflict', 'Já existe um usuário com este e-mail.');
  const password = input.password ?? temporaryPassword();
  if (password.length < 8) return fail('invalid_input', 'invalid_input', 'A senha precisa de ao menos 8 caracteres.');
  return inTransaction(db, async (tx) => {
    // Whoever hands a password over knows it: its owner sets their own at the first sign-in.
    const user = await createUser(tx, repos, { ...input, password, mustChangePassword: true }, now, departments);
    await recordAudit(tx, repos, { actorUserId: actor.id, action: 'user.created', subject: subject(user.id), details: { role: user.role, department: user.departmentId } }, now);
    return ok({ user, password: input.password === undefined ? password : null });
  });
};

export interface StaffChange {
  name?: string | undefined;
  role?: Role | undefined;
  /** null: every department. */
  departmentId?: string | null | undefined;
  disabled?: boolean | undefined;
}

/** What a change may not do: leave the city without an enabled admin, or let an admin lock themselves out. */
const refusal = async (db: Executor, repos: Repositories, actor: Actor, user: User, change: StaffChange) => {
  const losesAdmin = user.role === 'admin' && user.disabled_at === null && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
  if (losesAdmin && user.id === actor.id) return fail('self_change', 'conflict', 'Você não pode desativar nem rebaixar a sua própria conta.');
  if (losesAdmin && (await repos.users.countEnabledAdmins(db)) <= 1) return fail('last_admin', 'conflict', 'É preciso manter ao menos um administrador ativo.');
  return undefined;
};

/** Changes a user's name, role, department or whether they may sign in (admins). Disabling ends their sessions. Audited. */
export const changeStaff = async (
  db: Executor,
  repos: Repositories,
  actor: Actor,
  id: number,
  change: StaffChange,
  departments: readonly Pick<Department, 'id'>[],
  now: number,
): Promise<Result<PublicUser, ManageUsersError>> =>
  inTransaction(db, async (tx): Promise<Result<PublicUser, ManageUsersError>> => {
    const user = await repos.users.byId(tx, id);
    if (!user) return fail('user_not_found', 'not_found', 'Usuário não encontrado.');
    if (change.role !== undefined && !ROLES.includes(change.role)) return fail('invalid_input', 'invalid_input', 'Perfil desconhecido.');
    if (change.departmentId && !departments.some((d) => d.id === change.departmentId)) return fail('unknown_department', 'invalid_input', 'Secretaria desconhecida.');
    if (change.name !== undefined && !change.name.trim()) return fail('invalid_input', 'invalid_input', 'Informe o nome.');
    const refused = await refusal(tx, repos, actor, user, change);
    if (refused) return refused;
    const set: UserChange = {
      ...(change.name !== undefined ? { name: change.name.trim() } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.departmentId !== undefined ? { department_id: change.departmentId } : {}),
      ...(change.disabled !== undefined ? { disabled_at: change.disabled ? (user.disabled_at ?? now) : null } : {}),
    };
    if (Object.keys(set).length === 0) return ok(presentUser(user));
    const updated = (await repos.users.update(tx, id, set)) ?? user;
    if (change.disabled === true) await repos.sessions.removeForUser(tx, id);
    const action = change.disabled === true && user.disabled_at === null ? 'user.disabled' : change.disabled === false && user.disabled_at !== null ? 'user.enabled' : 'user.updated';
    const details = { from: { role: user.role, department: user.department_id, name: user.name }, to: { role: updated.role, department: updated.department_id, name: updated.name } };
    await recordAudit(tx, repos, { actorUserId: actor.id, action, subject: subject(id), details }, now);
    return ok(presentUser(updated));
  });

/** A new temporary password for someone who forgot theirs (admins); their sessions end. Audited, never the password. */
export const resetStaffPassword = async (db: Executor, repos: Repositories, actor: Actor, id: number, now: number): Promise<Result<{ password: string }, ManageUsersError>> => {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx): Promise<Result<{ password: string }, ManageUsersError>> => {
    if (!(await repos.users.byId(tx, id))) return fail('user_not_found', 'not_found', 'Usuário não encontrado.');
    await repos.users.setPasswordHash(tx, id, passwordHash, true);
    await repos.sessions.removeForUser(tx, id);
    await recordAudit(tx, repos, { actorUserId: actor.id, action: 'user.password_reset', subject: subject(id) }, now);
    return ok({ password });
  });
};
