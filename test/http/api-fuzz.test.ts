import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signInAs } from '../support/sign-in.js';
import { CSRF_HEADERS, useTestApp } from '../support/test-app.js';

/**
 * Bad input from the console or an Open311 client is the caller's mistake: it gets a 4xx that says what is wrong,
 * never a 5xx (which would page IT, and which a client retries). Every documented route, as an admin (who passes
 * every role check, so the input reaches the handlers), with random path values, query strings and bodies built
 * from the route's own schema.
 */
const testApp = useTestApp({ env: { OPEN311_API_KEYS: 'o311_fuzz-key' } });

/** Routes that would end the fuzzing session itself, and the live event stream (it never ends). */
const LEAVE_ALONE = new Set(['GET /api/events', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/two-step', 'DELETE /api/auth/two-step']);

interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

interface Route {
  method: string;
  path: string;
  query: string[];
  fields: string[];
}

const documentedRoutes = async (): Promise<Route[]> => {
  const spec = (await (await fetch(`${testApp().url}/api/docs/json`)).json()) as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .filter(([method]) => !LEAVE_ALONE.has(`${method.toUpperCase()} ${path}`))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        fields: Object.keys(operation.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
      })),
  );
};

/** What a careless or hostile client puts where an id or a code goes. */
const pathValue = fc.oneof(
  fc.constantFrom('2', '0', '-1', '999999999', '99999999999999999999999', '1.5', '1e9', 'abc', '%00', '%2e%2e', 'NaN', 'null', '🙂', '2026-000001'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent).filter((s) => s.length > 0),
);

const queryValue = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '-1', '0', '2026-13-45', '9999999999999', 'true', '[]', '1,2,x', 'a\u0000b'));

/** Any JSON, with now and then a NUL character in a string (PostgreSQL refuses those in text). */
const jsonValue = (maxDepth: number) => fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth }) }, { weight: 1, arbitrary: fc.constantFrom('\u0000', 'nome\u0000', ['\u0000']) });

const bodyFor = (fields: string[]) =>
  fields.length === 0
    ? fc.option(jsonValue(3), { nil: undefined })
    : fc.oneof(jsonValue(3), fc.record(Object.fromEntries(fields.map((field) => [field, jsonValue(2)])), { requiredKeys: [] }));

const call = async (route: Route, cookie: string, values: { path: string[]; query: Array<[string, string]>; body: unknown }) => {
  let i = 0;
  const path = route.path.replace(/\{[^}]+\}/g, () => values.path[i++] ?? '0');
  const search = new URLSearchParams(values.query).toString();
  const response = await fetch(`${testApp().url}${path}${search ? `?${search}` : ''}`, {
    method: route.method,
    headers: { ...CSRF_HEADERS, cookie, ...(values.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(values.body === undefined || route.method === 'GET' ? {} : { body: JSON.stringify(values.body) }),
  });
  await response.arrayBuffer();
  return { status: response.status, url: `${route.method} ${path}${search ? `?${search}` : ''}` };
};

describe('every console and Open311 route under random input', () => {
  it('answers anything an admin can send with less than 500', async () => {
    const cookie = await signInAs(testApp(), 'admin');
    const me = (await (await fetch(`${testApp().url}/api/auth/me`, { headers: { cookie } })).json()) as { user: { id: number } };
    // Not the fuzzing admin's own account: resetting its password would end the session mid-way.
    const otherThanMe = pathValue.filter((value) => value !== String(me.user.id));
    const routes = (await documentedRoutes()).filter((r) => r.path.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(40);
    const errors: string[] = [];
    for (const route of routes) {
      const input = fc.record({
        path: fc.array(otherThanMe, { minLength: 3, maxLength: 3 }),
        query: fc.array(fc.tuple(route.query.length > 0 ? fc.constantFrom(...route.query) : fc.string({ maxLength: 8 }), queryValue), { maxLength: 4 }),
        body: route.method === 'GET' ? fc.constant(undefined) : bodyFor(route.fields),
      });
      await fc.assert(
        fc.asyncProperty(input, async (values) => {
          const answer = await call(route, cookie, values);
          if (answer.status >= 500) errors.push(`${answer.status} ${answer.url} ${JSON.stringify(values.body)}`);
          return answer.status < 500;
        }),
        { numRuns: 25 },
      ).catch(() => undefined);
    }
    expect(errors).toEqual([]);
    // The session survived the fuzzing, so every route was reached signed in.
    expect((await fetch(`${testApp().url}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
  }, 240_000);

  it('answers any Open311 form or query with less than 500', async () => {
    const fields = ['api_key', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'email', 'device_id', 'account_id', 'first_name', 'last_name', 'phone', 'description', 'media_url', 'jurisdiction_id', 'attribute[x]'];
    const form = fc.array(fc.tuple(fc.constantFrom(...fields), fc.oneof(queryValue, fc.constantFrom('o311_fuzz-key', 'tapa-buraco', '-10.18', '-48.33', '91', 'http://x/y.jpg'))), { maxLength: 10 });
    const paths = ['/open311/v2/requests.json', '/open311/v2/requests.xml', '/open311/v2/services.json', '/open311/v2/services/tapa-buraco.json', '/open311/v2/discovery.json'];
    const errors: string[] = [];
    await fc.assert(
      fc.asyncProperty(form, fc.constantFrom(...paths), fc.boolean(), async (pairs, path, post) => {
        const body = new URLSearchParams(pairs).toString();
        const response = post
          ? await fetch(`${testApp().url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
          : await fetch(`${testApp().url}${path}?${body}`);
        await response.arrayBuffer();
        // 429 is the per-address limit doing its job under this many calls.
        if (response.status >= 500) errors.push(`${response.status} ${post ? 'POST' : 'GET'} ${path} ${body}`);
        return response.status < 500;
      }),
      { numRuns: 100 },
    ).catch(() => undefined);
    expect(errors).toEqual([]);
  }, 120_000);
});
