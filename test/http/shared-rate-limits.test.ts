import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADERS, startTestApp, type TestApp } from '../support/test-app.js';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)('sign-in throttling with several instances (Redis)', () => {
  const instances: TestApp[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) instances.push(await startTestApp({ env: { REDIS_URL: redisUrl ?? '' } }));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.close();
  });

  const login = (instance: TestApp, email: string) =>
    fetch(`${instance.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ email, password: 'palpite-errado' }),
    }).then((response) => response.status);

  it('counts guesses made on every instance together, so a balancer does not multiply them', async () => {
    // An address of its own, so runs a minute apart never share a count.
    const email = `alvo-${randomBytes(4).toString('hex')}@palmas.to.gov.br`;
    const [first, second] = instances;
    for (let i = 0; i < 10; i += 1) expect(await login(i % 2 === 0 ? first! : second!, email)).toBe(401);
    expect(await login(first!, email)).toBe(429);
    expect(await login(second!, email)).toBe(429);
  });
});
