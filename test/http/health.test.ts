import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const redisUrl = process.env.TEST_REDIS_URL;
let testApp: TestApp | undefined;

afterEach(async () => {
  await testApp?.close();
  testApp = undefined;
});

describe('health, readiness and metrics', () => {
  it('is healthy and ready on SQLite, and exposes Prometheus metrics', async () => {
    testApp = await startTestApp();
    expect((await fetch(`${testApp.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${testApp.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', failures: [] });
    const metrics = await (await fetch(`${testApp.url}/metrics`)).text();
    expect(metrics).toContain('# TYPE whatsapp_webhook_requests_total counter');
    expect(metrics).toContain('queue_depth');
  });

  it('counts how long messages wait to be answered and who waits for a person, per department', async () => {
    // Monday 14:00 in Palmas: attendance is open.
    testApp = await startTestApp({ clock: new ManualClock('2026-11-30T17:00:00Z') });
    await scriptedCitizen(testApp, '5563999990701', 'Lu').asksForPersonAboutStreetLight();
    const metrics = await (await fetch(`${testApp.url}/metrics`)).text();
    expect(metrics).toMatch(/^inbox_waiting\{department="seihab"\} 1$/m);
    const processed = /^whatsapp_processing_lag_seconds_count (\d+)$/m.exec(metrics)?.[1];
    expect(Number(processed)).toBe(5);
  });

  it('is not ready while a configured Redis does not answer', async () => {
    testApp = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    const ready = await fetch(`${testApp.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ failures: ['redis'] });
  });

  it.runIf(redisUrl)('is ready when the configured Redis answers', async () => {
    testApp = await startTestApp({ env: { REDIS_URL: redisUrl ?? '' } });
    expect((await fetch(`${testApp.url}/readyz`)).status).toBe(200);
  });
});

if (!redisUrl) console.log('[skip] Redis readiness test: TEST_REDIS_URL not set');
