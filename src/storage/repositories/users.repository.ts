import type { Executor } from '../database.js';
import type { User, UserTable } from '../schema.js';

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: UserTable['role'];
}

export class UsersRepository {
  async create(db: Executor, user: NewUser, now: number): Promise<User> {
    return db
      .insertInto('users')
      .values({ email: user.email.toLowerCase(), name: user.name, password_hash: user.passwordHash, role: user.role, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async byEmail(db: Executor, email: string): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  async byId(db: Executor, id: number): Promise<User | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async count(db: Executor): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
