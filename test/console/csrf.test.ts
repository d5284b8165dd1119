import { describe, expect, it } from 'vitest';
import { signInAs } from '../support/sign-in.js';
import { CSRF_HEADERS, useTestApp } from '../support/test-app.js';

const ADMIN = { email: 'admin@palmas.to.gov.br', password: 'senha-forte-123' };
const REFUSED = { error: { code: 'csrf.header_missing', message: 'Requisição recusada por segurança: envie o cabeçalho X-Requested-With: whats-palmas.' } };

describe('the CSRF rule: state-changing /api calls carry X-Requested-With', () => {
  const testApp = useTestApp({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });

  const send = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${testApp().url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  it('refuses sign-in without the header or with another value, and lets it through with the header', async () => {
    expect(await send('POST', '/api/auth/login', {}, ADMIN)).toEqual({ status: 403, body: REFUSED });
    expect(await send('POST', '/api/auth/login', { 'x-requested-with': 'XMLHttpRequest' }, ADMIN)).toEqual({ status: 403, body: REFUSED });
    expect((await send('POST', '/api/auth/login', CSRF_HEADERS, ADMIN)).status).toBe(200);
  });

  it('refuses a signed-in user\'s POST and DELETE without the header, before doing anything', async () => {
    const cookie = await signInAs(testApp(), 'coordinator');
    const closure = { first_day: '2099-12-24', reason: 'Recesso de fim de ano' };
    expect(await send('POST', '/api/closures', { cookie }, closure)).toEqual({ status: 403, body: REFUSED });
    expect(await send('GET', '/api/closures', { cookie })).toEqual({ status: 200, body: { closures: [] } });

    const added = await send('POST', '/api/closures', { cookie, ...CSRF_HEADERS }, closure);
    expect(added.status).toBe(201);
    const { id } = (added.body as { closure: { id: number } }).closure;
    expect(await send('DELETE', `/api/closures/${id}`, { cookie })).toEqual({ status: 403, body: REFUSED });
    expect((await send('DELETE', `/api/closures/${id}`, { cookie, ...CSRF_HEADERS })).status).toBe(204);
    expect(await send('POST', '/api/auth/logout', { cookie })).toEqual({ status: 403, body: REFUSED });
  });

  it('asks nothing of reads, the webhook Meta calls, or Open311 clients', async () => {
    expect((await send('GET', '/api/config', {})).status).toBe(200);
    const webhook = await send('POST', '/webhooks/whatsapp', {}, { object: 'whatsapp_business_account', entry: [] });
    expect(webhook.body).not.toEqual(REFUSED);
    const open311 = await send('POST', '/open311/v2/requests.json', {}, { service_code: 'tapa-buraco' });
    expect(open311.body).not.toEqual(REFUSED);
  });
});
