import { z } from 'zod';
import type { Department } from '../catalog/index.js';
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { User } from '../../storage/schema.js';
import { randomBytes } from 'node:crypto';
import { hashPassword } from './passwords.js';

/**
 * admin: everything, users and keys included; coordinator: every department's work, settings, broadcasts, reports;
 * attendant: conversations and requests of their department; operator: the phone team, who register callers'
 * requests and read any request's progress to them, but neither attend WhatsApp conversations nor change requests.
 */
export const ROLES = ['admin', 'coordinator', 'attendant', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export const newUserSchema = z.object({
  email: z.string().trim().email(),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(200),
  role: z.enum(ROLES),
  /** The department whose requests the user works on; left out: every department. */
  departmentId: z.string().trim().min(1).max(100).optional(),
  /** The password was chosen by someone else (an admin): its owner must set their own at the first sign-in. */
  mustChangePassword: z.boolean().optional(),
});
export type NewUserInput = z.input<typeof newUserSchema>;

export interface PublicUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Null: the user sees every department's requests. */
  departmentId: string | null;
  /** Signed in with a password someone else chose: only setting their own is allowed. */
  mustChangePassword: boolean;
}

export const presentUser = (user: User): PublicUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  departmentId: user.department_id,
  mustChangePassword: user.password_must_change === 1,
});

/**
 * Creates a console user. A department must be one of `departments` (the city profile's): a typo would otherwise
 * leave the user seeing no request at all.
 */
export const createUser = async (
  db: Executor,
  repos: Repositories,
  input: NewUserInput,
  now: number,
  departments: readonly Pick<Department, 'id'>[] = [],
): Promise<PublicUser> => {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw new AppError('user.invalid', 'invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { departmentId } = parsed.data;
  if (departmentId !== undefined && !departments.some((d) => d.id === departmentId))
    throw new AppError('user.unknown_department', 'invalid_input', `no department ${departmentId}; known: ${departments.map((d) => d.id).join(', ')}`);
  if (await repos.users.byEmail(db, parsed.data.email)) throw new AppError('user.exists', 'conflict', `a user with email ${parsed.data.email} already exists`);
  const user = await repos.users.create(db, { ...parsed.data, passwordHash: await hashPassword(parsed.data.password) }, now);
  return presentUser(user);
};

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD create the first admin, only while no user exists. Instances starting together on
 * an empty database all try: the e-mail's unique index lets one win, and the others start without complaint.
 */
export const bootstrapAdmin = async (db: Executor, repos: Repositories, admin: { email: string; password: string } | undefined, now: number): Promise<PublicUser | undefined> => {
  if (!admin || (await repos.users.count(db)) > 0) return undefined;
  try {
    return await createUser(db, repos, { email: admin.email, password: admin.password, name: 'Administrador', role: 'admin' }, now);
  } catch (error) {
    if ((await repos.users.count(db)) > 0) return undefined;
    throw error;
  }
};

export const DEMO_ADMIN_EMAIL = 'demo@whatspalmas.local';

/**
 * Simulator mode with no admin configured: a demonstration admin whose password is new at every start and printed
 * in the terminal, so `npm start` on a fresh clone leads straight into the console. Never in production (a WhatsApp
 * token turns the simulator off) and never beside users someone created (undefined then).
 */
export const resetDemoAdmin = async (db: Executor, repos: Repositories, now: number): Promise<{ email: string; password: string } | undefined> => {
  const existing = await repos.users.byEmail(db, DEMO_ADMIN_EMAIL);
  if (!existing && (await repos.users.count(db)) > 0) return undefined;
  const password = randomBytes(12).toString('base64url');
  if (existing) await repos.users.setPasswordHash(db, existing.id, await hashPassword(password), false);
  else await createUser(db, repos, { email: DEMO_ADMIN_EMAIL, password, name: 'Demonstração', role: 'admin' }, now);
  return { email: DEMO_ADMIN_EMAIL, password };
};
