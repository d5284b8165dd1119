import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADERS, startTestApp, type TestApp } from '../support/test-app.js';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await startTestApp({ env: { ADMIN_EMAIL: 'admin@palmas.to.gov.br', ADMIN_PASSWORD: 'senha-forte-123' } });
});

afterAll(async () => {
  await testApp.close();
});

describe('POST /api/nlu/classify on the running app', () => {
  it('classifies citizen text for a signed-in user with the bundled Palmas profile', async () => {
    const login = await fetch(`${testApp.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ email: 'admin@palmas.to.gov.br', password: 'senha-forte-123' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const classify = (text: string) =>
      fetch(`${testApp.url}/api/nlu/classify`, { method: 'POST', headers: { 'content-type': 'application/json', ...CSRF_HEADERS, cookie }, body: JSON.stringify({ text }) })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as { service_code: string | null; confidence: number } }));
    const lamp = await classify('tem um poste apagado na minha rua');
    expect(lamp.status).toBe(200);
    expect(lamp.body.service_code).toBe('iluminacao-publica');
    expect((await classify('bom dia')).body.service_code).toBeNull();
  });

  it('refuses anonymous callers', async () => {
    const response = await fetch(`${testApp.url}/api/nlu/classify`, { method: 'POST', headers: { 'content-type': 'application/json', ...CSRF_HEADERS }, body: JSON.stringify({ text: 'oi' }) });
    expect(response.status).toBe(401);
  });
});
