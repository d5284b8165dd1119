import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { escapeXml } from '../../src/http/open311/xml.js';
import { formatW3cDateTime, parseW3cDateTime } from '../../src/domain/open311/index.js';
import { dialects } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { postForm } from './support.js';

const ADMIN = { email: 'admin@palmas.to.gov.br', password: 'senha-forte-123' };

describe.each(dialects)('Open311 API keys in the console on $name', ({ create }) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ database: await create(), env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
    await createUser(app.app.storage.db, app.app.repos, { email: 'coord@palmas.to.gov.br', password: 'outra-senha-1', name: 'Coordenadora', role: 'coordinator' }, Date.now());
  });
  afterAll(async () => {
    await app.close();
  });

  // What the console sends with every call that changes something (the API's CSRF check).
  const CONSOLE = { 'x-requested-with': 'whats-palmas' };
  const session = async (email: string, password: string): Promise<string> => {
    const response = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { ...CONSOLE, 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const call = (path: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${app.url}${path}`, { ...init, headers: { ...CONSOLE, ...(init.body ? { 'content-type': 'application/json' } : {}), cookie } });
  const createRequest = (apiKey: string) =>
    postForm(app, '/open311/v2/requests.json', { api_key: apiKey, service_code: 'tapa-buraco', address_string: 'Quadra 104 Norte', description: 'Buraco' });

  it('lets an admin issue a key shown once, list keys without it, and revoke it', async () => {
    const admin = await session(ADMIN.email, ADMIN.password);
    const issued = await call('/api/open311/keys', admin, { method: 'POST', body: JSON.stringify({ label: '  FixMyStreet Palmas ' }) });
    expect(issued.status).toBe(201);
    const { key } = (await issued.json()) as { key: { id: number; api_key: string; label: string; revoked_at: null } };
    expect(key).toMatchObject({ label: 'FixMyStreet Palmas', revoked_at: null });
    expect(key.api_key).toMatch(/^o311_[\w-]{32}$/);

    const rows = await app.app.storage.db.selectFrom('open311_api_keys').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(key.api_key);
    const listed = await (await call('/api/open311/keys', admin)).text();
    expect(listed).not.toContain(key.api_key);
    expect(listed).toContain('FixMyStreet Palmas');

    expect((await createRequest(key.api_key)).status).toBe(200);
    expect((await call(`/api/open311/keys/${key.id}`, admin, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/open311/keys/${key.id}`, admin, { method: 'DELETE' })).status).toBe(404);
    expect((await createRequest(key.api_key)).status).toBe(403);
  });

  it('refuses anyone but an admin', async () => {
    const coordinator = await session('coord@palmas.to.gov.br', 'outra-senha-1');
    expect((await call('/api/open311/keys', coordinator)).status).toBe(403);
    expect((await call('/api/open311/keys', coordinator, { method: 'POST', body: JSON.stringify({ label: 'x' }) })).status).toBe(403);
    expect((await call('/api/open311/keys', '')).status).toBe(401);
    const admin = await session(ADMIN.email, ADMIN.password);
    expect((await call('/api/open311/keys', admin, { method: 'POST', body: JSON.stringify({ label: '   ' }) })).status).toBe(400);
  });

  it('documents the key routes in /api/docs and keeps the Open311 documents out', async () => {
    const spec = (await (await fetch(`${app.url}/api/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/open311/keys', '/api/open311/keys/{id}']));
    expect(Object.keys(spec.paths).some((p) => p.startsWith('/open311'))).toBe(false);
  });
});

describe('Open311 helpers', () => {
  it('writes dates with the city offset and reads only W3C datetimes with a timezone', () => {
    expect(formatW3cDateTime(Date.parse('2026-05-20T16:45:00Z'), 'America/Araguaina')).toBe('2026-05-20T13:45:00-03:00');
    expect(formatW3cDateTime(Date.parse('2026-05-20T16:45:00Z'), 'UTC')).toBe('2026-05-20T16:45:00+00:00');
    expect(parseW3cDateTime('2026-05-20T13:45:00-03:00')).toBe(Date.parse('2026-05-20T16:45:00Z'));
    expect(parseW3cDateTime('2026-05-20T13:45Z')).toBe(Date.parse('2026-05-20T13:45:00Z'));
    for (const bad of ['2026-05-20T13:45:00', '2026-02-30T00:00:00Z', '20/05/2026', '2026-05-20T25:00:00Z']) expect(parseW3cDateTime(bad)).toBeUndefined();
  });

  it('escapes markup and drops what XML cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0008\ttab`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\ttab');
  });
});
