import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findService } from '../../src/domain/catalog/index.js';
import { callApi } from '../support/api.js';
import { postgresDatabase, postgresUrl, type TestDatabase } from '../support/databases.js';
import { signInAs } from '../support/sign-in.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const redisUrl = process.env.TEST_REDIS_URL;
const SEMAPHORE = 'o semaforo da avenida esta desligado';

/** Polls until `check` holds: the other instance hears the edit through Redis, a moment after it was made. */
const eventually = async (check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('the other instance did not follow the edit');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.skipIf(!postgresUrl || !redisUrl)('catalog edits across two instances (PostgreSQL + Redis)', () => {
  let database: TestDatabase;
  let one: TestApp;
  let two: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    database = await postgresDatabase();
    const shared = { url: database.url, drop: async () => {} };
    const env = { REDIS_URL: redisUrl ?? '' };
    one = await startTestApp({ database: shared, env });
    two = await startTestApp({ database: shared, env });
    coordinator = await signInAs(one, 'coordinator');
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('a phrase taught on one instance retrains the classifier of the other, and a reworded service reaches its catalog', async () => {
    const otherUnderstands = async () => (await two.app.repos.settings.get<string>(two.app.storage.db, 'catalog.revision')) !== undefined
      && findService(two.app.config.city.catalog, 'tapa-buraco')?.menuTitle === 'Buraco na rua';
    expect((await callApi(one.url, 'POST', '/api/nlu/intents/informacoes-gerais/phrases', coordinator, { text: 'semáforo desligado no cruzamento' })).status).toBe(201);
    expect((await callApi(one.url, 'PATCH', '/api/catalog/services/tapa-buraco', coordinator, { field: 'menuTitle', value: 'Buraco na rua' })).status).toBe(200);
    await eventually(otherUnderstands);
    await eventually(async () => (await two.app.http.inject({ method: 'GET', url: '/api/config' })).json<{ services: Array<{ code: string }> }>().services.length > 0);
    const classifier = await two.app.http.inject({ method: 'POST', url: '/api/nlu/classify', payload: { text: SEMAPHORE }, headers: { 'x-requested-with': 'whats-palmas', cookie: coordinator } });
    expect(classifier.json()).toMatchObject({ service_code: 'informacoes-gerais' });
  });
});
