import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Clock } from '../../src/platform/clock.js';
import { appDatabase, type TestDatabase } from './databases.js';

export const TEST_APP_SECRET = 'test-app-secret';
export const TEST_TOKEN = 'test-access-token';
export const TEST_PHONE_NUMBER_ID = '106540352242922';

/** What the console sends with every request that changes something; the API refuses such requests without it. */
export const CSRF_HEADERS = { 'x-requested-with': 'whats-palmas' } as const;

export interface TestApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  graphUrl?: string;
  env?: Record<string, string>;
  clock?: Clock;
  database?: TestDatabase;
}

/** A real app on a fresh database, listening on a free port, talking to the given Graph API URL. */
export const startTestApp = async (options: TestAppOptions = {}): Promise<TestApp> => {
  const database = options.database ?? (await appDatabase());
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    MEDIA_DIR: mkdtempSync(join(tmpdir(), 'wp-media-')),
    ...(options.graphUrl
      ? { WHATSAPP_GRAPH_URL: options.graphUrl, WHATSAPP_ACCESS_TOKEN: TEST_TOKEN, WHATSAPP_PHONE_NUMBER_ID: TEST_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET: TEST_APP_SECRET, WHATSAPP_VERIFY_TOKEN: 'verify-me' }
      : {}),
    ...options.env,
  });
  const app = await createApp(config, options.clock ? { clock: options.clock } : {});
  const url = await app.start();
  return {
    app,
    url,
    close: async () => {
      await app.stop();
      await database.drop();
    },
  };
};

/** Starts a test app before the file's tests and closes it after them; call the result inside a test. */
export const useTestApp = (options: TestAppOptions = {}): (() => TestApp) => {
  let testApp: TestApp | undefined;
  beforeAll(async () => {
    testApp = await startTestApp(options);
  });
  afterAll(async () => {
    await testApp?.close();
  });
  return () => {
    if (!testApp) throw new Error('the test app is not started yet');
    return testApp;
  };
};
