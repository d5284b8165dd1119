import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { callApi } from '../support/api.js';
import { signInAs } from '../support/sign-in.js';
import { TEST_APP_SECRET, TEST_PHONE_NUMBER_ID, TEST_TOKEN, useTestApp } from '../support/test-app.js';

/** A port nothing listens on: Meta unreachable. */
const closedPort = await new Promise<number>((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  });
});

const metaEnv = {
  WHATSAPP_GRAPH_URL: `http://127.0.0.1:${closedPort}`,
  WHATSAPP_ACCESS_TOKEN: TEST_TOKEN,
  WHATSAPP_PHONE_NUMBER_ID: TEST_PHONE_NUMBER_ID,
  WHATSAPP_APP_SECRET: TEST_APP_SECRET,
};
const withoutAccount = useTestApp({ env: metaEnv });
const unreachable = useTestApp({ env: { ...metaEnv, WHATSAPP_BUSINESS_ACCOUNT_ID: '102290129340398' } });

const manual = { name: 'aviso_obras', language: 'pt_BR', category: 'UTILITY', body: 'A rua {{1}} terá obras a partir de {{2}}.' };

describe('template sync when Meta cannot be asked', () => {
  it('answers 409 with what to configure when no business account id is set, and manual entry still works', async () => {
    const coordinator = await signInAs(withoutAccount(), 'coordinator');
    const sync = await callApi(withoutAccount().url, 'POST', '/api/templates/sync', coordinator);
    expect(sync).toMatchObject({ status: 409, body: { error: { code: 'sync_unavailable', message: expect.stringContaining('WHATSAPP_BUSINESS_ACCOUNT_ID') } } });
    expect((await callApi(withoutAccount().url, 'GET', '/api/templates', coordinator)).body).toMatchObject({ templates: [], sync_available: false });
    expect((await callApi(withoutAccount().url, 'POST', '/api/templates', coordinator, manual)).status).toBe(201);
  });

  it('answers 503 in Portuguese when Meta is unreachable, and changes nothing', async () => {
    const coordinator = await signInAs(unreachable(), 'coordinator');
    expect((await callApi(unreachable().url, 'POST', '/api/templates', coordinator, manual)).status).toBe(201);
    const before = await callApi(unreachable().url, 'GET', '/api/templates', coordinator);
    const sync = await callApi(unreachable().url, 'POST', '/api/templates/sync', coordinator);
    expect(sync).toMatchObject({ status: 503, body: { error: { code: 'sync_failed', message: expect.stringContaining('Não foi possível falar com a Meta') } } });
    expect((await callApi(unreachable().url, 'GET', '/api/templates', coordinator)).body).toEqual(before.body);
  });
});
