import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { callApi } from '../support/api.js';
import { signIn, TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, DESKTOP, hasChromium, launchChromium, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] template audit browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

const testApp = useTestApp();
const ADMIN = { email: 'ana.admin@palmas.to.gov.br', name: 'Ana Admin', role: 'admin' as const };

describe.skipIf(!hasChromium)('WhatsApp template changes on the Auditoria tab', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    await createUser(app.storage.db, app.repos, { ...ADMIN, password: TEST_PASSWORD }, Date.now(), app.config.city.departments);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads them in Portuguese and filters them', async () => {
    const cookie = await signIn(testApp(), ADMIN.email, TEST_PASSWORD);
    const added = await callApi(testApp().url, 'POST', '/api/templates', cookie, { name: 'aviso_obras', language: 'pt_BR', category: 'UTILITY', body: 'A rua {{1}} terá obras.' });
    expect(added.status).toBe(201);
    expect((await callApi(testApp().url, 'POST', '/api/templates/sync', cookie)).status).toBe(200);

    for (const viewport of [DESKTOP, TABLET]) {
      const page = await browser.newPage({ viewport, locale: 'pt-BR' });
      const faults = watchForFaults(page);
      await page.goto(`${testApp().url}/configuracoes/auditoria`);
      await page.getByLabel('E-mail').fill(ADMIN.email);
      await page.getByLabel('Senha').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.getByLabel('Mostrar').selectOption({ label: 'Modelos do WhatsApp' });
      const table = page.getByRole('table', { name: 'Auditoria' });
      await table.getByText('Cadastrou um modelo do WhatsApp').waitFor();
      await table.getByText('Sincronizou os modelos do WhatsApp com a Meta').first().waitFor();
      expect(await table.getByText('Adicionou um usuário').count()).toBe(0);
      await screenshot(page, `auditoria-modelos-${viewport.width}`);
      expect(faults).toEqual([]);
      await page.close();
    }
  });
});
