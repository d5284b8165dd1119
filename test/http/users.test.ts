import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { signIn, signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });
const call = (method: string, path: string, cookie: string | undefined, body?: unknown) => callApi(testApp().url, method, path, cookie, body);

let admin = '';
let coordinator = '';
let adminId = 0;

interface ListedUser {
  id: number;
  email: string;
  role: string;
  department_id: string | null;
  disabled: boolean;
  last_sign_in_at: string | null;
}

beforeAll(async () => {
  admin = await signInAs(testApp(), 'admin');
  coordinator = await signInAs(testApp(), 'coordinator');
  adminId = ((await call('GET', '/api/auth/me', admin)).body.user as { id: number }).id;
});

describe('console users', () => {
  it('lets admins add a user with a temporary password shown once, who then signs in and sees their department', async () => {
    const added = await call('POST', '/api/users', admin, { email: 'Rita.Seihab@palmas.to.gov.br', name: 'Rita', role: 'attendant', department_id: 'seihab' });
    expect(added.status).toBe(201);
    const password = added.body.password as string;
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(added.body.user).toMatchObject({ email: 'rita.seihab@palmas.to.gov.br', role: 'attendant', department_id: 'seihab', disabled: false });
    const rita = await signIn(testApp(), 'rita.seihab@palmas.to.gov.br', password);
    expect((await call('GET', '/api/auth/me', rita)).body.user).toMatchObject({ department_id: 'seihab', must_change_password: true });
    // Until she sets her own password, nothing else answers.
    expect((await call('GET', '/api/requests', rita)).body).toMatchObject({ error: { code: 'auth.password_change_required' } });
    expect((await call('POST', '/api/auth/password', rita, { current_password: password, new_password: 'rita123' })).body).toMatchObject({ error: { code: 'weak_password' } });
    expect((await call('POST', '/api/auth/password', rita, { current_password: password, new_password: 'Sou a Rita da Seihab' })).body).toMatchObject({ error: { message: 'A senha não pode conter o seu nome ou o seu e-mail.' } });
    expect((await call('POST', '/api/auth/password', rita, { current_password: 'errada', new_password: 'luz acesa na quadra' })).body).toMatchObject({ error: { code: 'wrong_password' } });
    expect((await call('POST', '/api/auth/password', rita, { current_password: password, new_password: 'luz acesa na quadra' })).status).toBe(204);
    expect((await call('GET', '/api/requests', rita)).status).toBe(200);
    expect((await call('GET', '/api/auth/me', rita)).body.user).toMatchObject({ must_change_password: false });
    expect(await signIn(testApp(), 'rita.seihab@palmas.to.gov.br', 'luz acesa na quadra')).toContain('wp_session=');

    expect((await call('POST', '/api/users', admin, { email: 'rita.seihab@palmas.to.gov.br', name: 'Outra', role: 'attendant' })).status).toBe(409);
    expect((await call('POST', '/api/users', admin, { email: 'x@palmas.to.gov.br', name: 'X', role: 'attendant', department_id: 'nao-existe' })).body).toMatchObject({ error: { message: 'Secretaria desconhecida.' } });
    expect((await call('POST', '/api/users', coordinator, { email: 'y@palmas.to.gov.br', name: 'Y', role: 'attendant' })).status).toBe(403);
    const listed = (await call('GET', '/api/users', coordinator)).body.users as ListedUser[];
    expect(listed.find((u) => u.email === 'rita.seihab@palmas.to.gov.br')?.last_sign_in_at).toBe('2026-11-30T17:00:00.000Z');
  });

  it('disabling ends the sessions at once; enabling lets the person back in', async () => {
    const added = await call('POST', '/api/users', admin, { email: 'caio@palmas.to.gov.br', name: 'Caio', role: 'coordinator', password: 'senha-do-caio-1' });
    const id = (added.body.user as ListedUser).id;
    const caio = await signIn(testApp(), 'caio@palmas.to.gov.br', 'senha-do-caio-1');
    expect((await call('PATCH', `/api/users/${id}`, admin, { disabled: true })).body.user).toMatchObject({ disabled: true });
    expect((await call('GET', '/api/auth/me', caio)).status).toBe(401);
    expect((await fetch(`${testApp().url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'whats-palmas' }, body: JSON.stringify({ email: 'caio@palmas.to.gov.br', password: 'senha-do-caio-1' }) })).status).toBe(401);
    await call('PATCH', `/api/users/${id}`, admin, { disabled: false, role: 'attendant', department_id: 'semus' });
    expect((await call('GET', '/api/auth/me', await signIn(testApp(), 'caio@palmas.to.gov.br', 'senha-do-caio-1'))).body.user).toMatchObject({ role: 'attendant', department_id: 'semus' });
  });

  it('never leaves the city without an admin, nor lets an admin lock themselves out', async () => {
    expect((await call('PATCH', `/api/users/${adminId}`, admin, { disabled: true })).body).toMatchObject({ error: { code: 'self_change' } });
    expect((await call('PATCH', `/api/users/${adminId}`, admin, { role: 'coordinator' })).status).toBe(409);
    const second = await call('POST', '/api/users', admin, { email: 'admin2@palmas.to.gov.br', name: 'Segunda', role: 'admin', password: 'senha-admin-2' });
    const secondAdmin = await signIn(testApp(), 'admin2@palmas.to.gov.br', 'senha-admin-2');
    expect((await call('POST', '/api/auth/password', secondAdmin, { current_password: 'senha-admin-2', new_password: 'outra frase secreta' })).status).toBe(204);
    expect((await call('PATCH', `/api/users/${adminId}`, secondAdmin, { disabled: true })).status).toBe(200);
    expect((await call('PATCH', `/api/users/${(second.body.user as ListedUser).id}`, secondAdmin, { role: 'coordinator' })).body).toMatchObject({ error: { code: 'self_change' } });
    // Bring the first admin back for the other tests.
    await call('PATCH', `/api/users/${adminId}`, secondAdmin, { disabled: false });
    admin = await signIn(testApp(), 'admin@palmas.to.gov.br', 'senha-de-teste-123');
  });

  it('resets a password to a temporary one that works once given, ending old sessions; all of it in the audit log', async () => {
    const added = await call('POST', '/api/users', admin, { email: 'dani@palmas.to.gov.br', name: 'Dani', role: 'operator', password: 'senha-da-dani-1' });
    const id = (added.body.user as ListedUser).id;
    const old = await signIn(testApp(), 'dani@palmas.to.gov.br', 'senha-da-dani-1');
    const reset = await call('POST', `/api/users/${id}/password`, admin);
    expect((await call('GET', '/api/auth/me', old)).status).toBe(401);
    await signIn(testApp(), 'dani@palmas.to.gov.br', reset.body.password as string);

    const audit = await call('GET', '/api/audit?subject_type=user', admin);
    const actions = (audit.body.entries as Array<{ action: string; subject_id: string; actor: { name: string } | null }>).filter((e) => e.subject_id === String(id));
    expect(actions.map((e) => e.action)).toEqual(['user.password_reset', 'user.created']);
    expect(actions[0]?.actor?.name).toBe('admin');
    expect(JSON.stringify(audit.body)).not.toContain(reset.body.password as string);
    expect((await call('GET', '/api/audit', coordinator)).status).toBe(403);
  });

  it('a person changing their own password ends their other sessions, keeps this one, and is audited', async () => {
    await call('POST', '/api/users', admin, { email: 'bruno@palmas.to.gov.br', name: 'Bruno', role: 'coordinator', password: 'senha-do-bruno-1' });
    const here = await signIn(testApp(), 'bruno@palmas.to.gov.br', 'senha-do-bruno-1');
    const phone = await signIn(testApp(), 'bruno@palmas.to.gov.br', 'senha-do-bruno-1');
    expect((await call('POST', '/api/auth/password', here, { current_password: 'senha-do-bruno-1', new_password: 'senha-do-bruno-1' })).body).toMatchObject({ error: { code: 'same_password' } });
    expect((await call('POST', '/api/auth/password', here, { current_password: 'senha-do-bruno-1', new_password: 'cafe com leite as tres' })).status).toBe(204);
    expect((await call('GET', '/api/requests', here)).status).toBe(200);
    expect((await call('GET', '/api/auth/me', phone)).status).toBe(401);
    const audit = (await call('GET', '/api/audit?subject_type=user', admin)).body.entries as Array<{ action: string }>;
    expect(audit[0]?.action).toBe('user.password_changed');
  });

  it('records Open311 keys issued and revoked', async () => {
    const issued = await call('POST', '/api/open311/keys', admin, { label: 'FixMyStreet Palmas' });
    const keyId = (issued.body.key as { id: number }).id;
    expect((await call('DELETE', `/api/open311/keys/${keyId}`, admin)).status).toBe(204);
    const entries = (await call('GET', '/api/audit?subject_type=open311_key', admin)).body.entries as Array<{ action: string; details: Record<string, unknown> }>;
    expect(entries.map((e) => e.action)).toEqual(['open311_key.revoked', 'open311_key.issued']);
    expect(entries[1]?.details).toEqual({ label: 'FixMyStreet Palmas' });
  });
});
