import { describe, expect, it } from 'vitest';
import { callApi } from '../support/api.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

/** Routes anyone may call: signing in (password, then a two-step code) and out, and what the sign-in page needs. */
const PUBLIC = new Set(['POST /api/auth/login', 'POST /api/auth/login/code', 'POST /api/auth/logout', 'GET /api/config']);

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}

/** Every console API route the server documents, with sample values in its path parameters. */
const documentedRoutes = async (): Promise<Array<{ method: string; path: string; route: string }>> => {
  const spec = (await (await fetch(`${testApp().url}/api/docs/json`)).json()) as OpenApi;
  return Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, '1'), route: `${method.toUpperCase()} ${path}` })),
    );
};

describe('every console API route', () => {
  it('asks who is calling before anything else: 401 signed out, whatever the body', async () => {
    const routes = (await documentedRoutes()).filter((r) => !PUBLIC.has(r.route));
    expect(routes.length).toBeGreaterThan(20);
    const answers = await Promise.all(routes.map(async (r) => ({ route: r.route, status: (await callApi(testApp().url, r.method, r.path, undefined, r.method === 'GET' ? undefined : {})).status })));
    expect(answers.filter((a) => a.status !== 401)).toEqual([]);
  });

  it('keeps the inbox from the phone team: 403 on every inbox and ready-answer route', async () => {
    const operator = await signInAs(testApp(), 'operator');
    const routes = (await documentedRoutes()).filter((r) => /^\w+ \/api\/(inbox|canned-replies)/.test(r.route));
    expect(routes.length).toBeGreaterThan(8);
    const answers = await Promise.all(routes.map(async (r) => ({ route: r.route, status: (await callApi(testApp().url, r.method, r.path, operator, r.method === 'GET' ? undefined : {})).status })));
    expect(answers.filter((a) => a.status !== 403)).toEqual([]);
  });
});
