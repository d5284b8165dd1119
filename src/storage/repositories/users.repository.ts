import type { Executor } from '../database.js';
import type { User, UserTable } from '../schema.js';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: UserTable['role'];
  departmentId?: string | undefined;
  /** Chosen by someone else (an admin): its owner sets their own at the first sign-in. */
  mustChangePassword?: boolean | undefined;
}

export class UsersRepository {
  async create(db: Executor, user: NewUser, now: number): Promise<User> {
    return db
      .insertInto('users')
      .values({
        email: user.email.toLowerCase(),
        name: user.name,
        password_hash: user.passwordHash,
        password_must_change: user.mustChangePassword ? 1 : 0,
        role: user.role,
        department_id: user.departmentId ?? null,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async byEmail(db: Executor, email: string): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  async byId(db: Executor, id: number): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The users with these ids (any order); unknown ids are left out. */
  async byIds(db: Executor, ids: readonly number[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('users').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  }

  async count(db: Executor): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** `mustChange`: the password was chosen by someone else, so its owner must set their own at next sign-in. */
  async setPasswordHash(db: Executor, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
    await db.updateTable('users').set({ password_hash: passwordHash, password_must_change: mustChange ? 1 : 0 }).where('id', '=', id).execute();
  }

  /** Users who may sign in (not disabled), by name. */
  async enabled(db: Executor): Promise<User[]> {
    return db.selectFrom('users').selectAll().where('disabled_at', 'is', null).orderBy('name').orderBy('id').execute();
  }

  /** Every user, disabled ones included, by name. */
  async all(db: Executor): Promise<User[]> {
    return db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
  }

  async countEnabledAdmins(db: Executor): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('disabled_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async update(db: Executor, id: number, change: UserChange): Promise<User | undefined> {
    return db.updateTable('users').set(change).where('id', '=', id).returningAll().executeTakeFirst();
  }
}

export type UserChange = Partial<Pick<User, 'name' | 'role' | 'department_id' | 'disabled_at'>>;
