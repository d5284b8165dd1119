import { describe, expect, it } from 'vitest';
import { dialects, useMigratedStorage } from '../../../test/support/databases.js';
import { loadCityProfile } from '../../config/city-profile.js';
import { fromRoot } from '../../platform/paths.js';
import { userForSession, signIn } from './sessions.js';
import { bootstrapAdmin, createUser } from './users.js';

const { departments } = loadCityProfile(fromRoot('city', 'palmas'));
const NOW = Date.parse('2026-11-30T16:45:00Z');
const input = { email: 'bia@palmas.to.gov.br', password: 'senha-de-teste-123', name: 'Bia', role: 'attendant' } as const;

describe.each(dialects)('console users and their department on $name', ({ create }) => {
  const current = useMigratedStorage(create);

  it('keeps the department a user works for, and gives it with the session', async () => {
    const created = await createUser(current.storage.db, current.repos, { ...input, departmentId: 'zeladoria-urbana' }, NOW, departments);
    expect(created).toMatchObject({ email: 'bia@palmas.to.gov.br', departmentId: 'zeladoria-urbana' });
    const session = await signIn(current.storage.db, current.repos, input.email, input.password, NOW);
    expect(await userForSession(current.storage.db, current.repos, session.token, NOW)).toMatchObject({ id: created.id, departmentId: 'zeladoria-urbana' });
    const central = await createUser(current.storage.db, current.repos, { ...input, email: 'central@palmas.to.gov.br' }, NOW);
    expect(central.departmentId).toBeNull();
  });

  it('creates the configured admin once when several instances start together on an empty database', async () => {
    const admin = { email: 'admin@palmas.to.gov.br', password: 'senha-de-teste-123' };
    const created = await Promise.all([1, 2, 3].map(() => bootstrapAdmin(current.storage.db, current.repos, admin, NOW)));
    expect(created.filter((user) => user !== undefined)).toHaveLength(1);
    expect(await current.repos.users.count(current.storage.db)).toBe(1);
  });

  it('refuses a department the city profile does not have, and creates nobody', async () => {
    await expect(createUser(current.storage.db, current.repos, { ...input, departmentId: 'secretaria-de-marte' }, NOW, departments)).rejects.toMatchObject({
      code: 'user.unknown_department',
      message: expect.stringContaining('zeladoria-urbana'),
    });
    await expect(createUser(current.storage.db, current.repos, { ...input, departmentId: 'zeladoria-urbana' }, NOW)).rejects.toMatchObject({ code: 'user.unknown_department' });
    expect(await current.repos.users.count(current.storage.db)).toBe(0);
  });
});
