import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { CSRF_HEADERS, startTestApp, type TestApp } from '../support/test-app.js';

let testApp: TestApp;
const database: TestDatabase = sqliteDatabase();

beforeAll(async () => {
  testApp = await startTestApp({ database, env: { ADMIN_EMAIL: 'admin@palmas.to.gov.br', ADMIN_PASSWORD: 'senha-forte-123' } });
});

afterAll(async () => {
  await testApp.close();
});

const login = (email: string, password: string) =>
  fetch(`${testApp.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...CSRF_HEADERS }, body: JSON.stringify({ email, password }) });

describe('sign-in', () => {
  it('lets the bootstrapped admin in with a secure session cookie', async () => {
    const response = await login('ADMIN@palmas.to.gov.br', 'senha-forte-123');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: { id: 1, email: 'admin@palmas.to.gov.br', name: 'Administrador', role: 'admin' } });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^wp_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    const session = cookie.split(';')[0] ?? '';
    const me = await fetch(`${testApp.url}/api/auth/me`, { headers: { cookie: session } });
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('admin');

    await fetch(`${testApp.url}/api/auth/logout`, { method: 'POST', headers: { ...CSRF_HEADERS, cookie: session } });
    expect((await fetch(`${testApp.url}/api/auth/me`, { headers: { cookie: session } })).status).toBe(401);
  });

  it('refuses a wrong password or unknown e-mail with 401 and a message in Portuguese', async () => {
    const wrong = await login('admin@palmas.to.gov.br', 'errada');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'auth.invalid_credentials', message: 'E-mail ou senha incorretos.' } });
    expect((await login('ninguem@palmas.to.gov.br', 'senha-forte-123')).status).toBe(401);
  });

  it('slows down guessing one account without locking out colleagues signing in from the same address', async () => {
    const tries = await Promise.all(Array.from({ length: 12 }, () => login('alvo@palmas.to.gov.br', 'chute')));
    expect(tries.map((t) => t.status).filter((status) => status === 429)).toHaveLength(2);
    // The same office address, another e-mail: still let in to try.
    expect((await login('colega@palmas.to.gov.br', 'chute')).status).toBe(401);
    expect((await login('ALVO@palmas.to.gov.br', 'chute')).status).toBe(429);
  });

  it('stops guessing one account spread over many addresses, and says so in Portuguese', async () => {
    const from = (address: string, email: string) =>
      fetch(`${testApp.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...CSRF_HEADERS }, body: JSON.stringify({ email, password: 'chute' }) });
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i += 1) statuses.push((await from(`203.0.113.${i}`, 'vitima@palmas.to.gov.br')).status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    const refused = await from('203.0.113.200', 'vitima@palmas.to.gov.br');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'Muitas tentativas seguidas. Aguarde alguns minutos e tente de novo.' } });
    expect((await from('203.0.113.201', 'outra.pessoa@palmas.to.gov.br')).status).toBe(401);
  });

  it('answers 400 with the fields to fix when the form is incomplete', async () => {
    const response = await fetch(`${testApp.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...CSRF_HEADERS }, body: JSON.stringify({ email: 'a@b.c' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
  });

  it('creates attendants from the command line', async () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', fromRoot('src', 'main.ts'), 'user', 'add', '--email', 'maria@palmas.to.gov.br', '--password', 'outra-senha-1', '--name', 'Maria', '--role', 'attendant'], {
      cwd: fromRoot(),
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(output).toContain('Created attendant maria@palmas.to.gov.br');
    expect((await login('maria@palmas.to.gov.br', 'outra-senha-1')).status).toBe(200);
  });

  it('refuses a bad user from the command line with a message and a failing exit code', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', fromRoot('src', 'main.ts'), 'user', 'add', '--email', 'rui@palmas.to.gov.br', '--password', 'outra-senha-1', '--department', 'nao-existe'], {
      cwd: fromRoot(),
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('nao-existe');
  });

  it('sends browser security headers on console and API routes', async () => {
    const response = await login('ninguem@palmas.to.gov.br', 'x');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('documents the API at /api/docs', async () => {
    const spec = (await (await fetch(`${testApp.url}/api/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/logout', '/api/auth/me']));
  });
});

describe('the demonstration admin of simulator mode', () => {
  it('is created when no admin is configured, with a new password at every start, and never beside real users', async () => {
    const shared = sqliteDatabase();
    const first = await startTestApp({ database: { ...shared, drop: async () => {} } });
    const firstLogin = first.app.demoLogin;
    expect(firstLogin?.email).toBe('demo@whatspalmas.local');
    await first.close();
    const second = await startTestApp({ database: shared });
    try {
      const secondLogin = second.app.demoLogin;
      expect(secondLogin?.password).not.toBe(firstLogin?.password);
      const signIn = (password: string) =>
        fetch(`${second.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...CSRF_HEADERS }, body: JSON.stringify({ email: 'demo@whatspalmas.local', password }) });
      expect((await signIn(secondLogin?.password ?? '')).status).toBe(200);
      expect((await signIn(firstLogin?.password ?? '')).status).toBe(401);
    } finally {
      await second.close();
    }
    expect(testApp.app.demoLogin).toBeUndefined();
  });
});

