import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { callApi } from '../support/api.js';
import { cityProfileAt, optedInCitizens, seedCitizens } from '../support/broadcasts.js';
import { signIn, TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] broadcasts browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Broadcasts go out between 8h and 21h in the city: a profile whose clock says midday, whatever time the test runs.
const testApp = useTestApp({ env: { CITY_CONFIG: cityProfileAt(12) } });
const COORDINATOR = { email: 'marta.secom@palmas.to.gov.br', name: 'Marta Secom', role: 'coordinator' as const };

describe.skipIf(!hasChromium)('Avisos (broadcasts) in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    await createUser(app.storage.db, app.repos, { ...COORDINATOR, password: TEST_PASSWORD }, Date.now());
    // Through the API, as a coordinator would: the template is mirrored to the simulator, which then approves it.
    const cookie = await signIn(testApp(), COORDINATOR.email, TEST_PASSWORD);
    const template = await callApi(testApp().url, 'POST', '/api/templates', cookie, { name: 'aviso_saude', language: 'pt_BR', category: 'MARKETING', body: 'Prefeitura de Palmas: {{1}}' });
    if (template.status !== 201) throw new Error(template.text);
    const citizens = optedInCitizens(3).map((c) => ({ ...c, topics: ['saude'] }));
    await seedCitizens(app.storage.db, [...citizens, { key: '5563988880000', topics: ['eventos'] }]);
    for (const c of citizens) app.simulator?.addCitizen(c.key);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator composes a broadcast with a preview and a live count, sends it, and follows it to the end', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/transmissoes', now: new Date() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    await page.getByRole('link', { name: 'Novo aviso' }).click();
    const form = page.getByRole('form', { name: 'Novo aviso' });
    await form.getByLabel('Título (para a equipe e a página pública de avisos)').fill('Vacinação no sábado');
    await form.getByLabel('Modelo').selectOption({ label: 'aviso_saude (pt_BR)' });
    await form.getByLabel('Valor de {{1}}').fill('vacinação contra a gripe no sábado, das 8h às 17h.');
    await page.getByRole('figure', { name: 'Prévia no WhatsApp' }).getByText('Prefeitura de Palmas: vacinação contra a gripe no sábado, das 8h às 17h.').waitFor();
    await form.getByLabel('Saúde').check();
    await form.getByText('Vai para 3 pessoas.').waitFor();
    await screenshot(page, 'avisos-novo');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'avisos-novo-tablet');
    await form.getByRole('button', { name: 'Enviar aviso' }).click();
    await page.waitForURL(/\/transmissoes\/\d+$/);
    await page.getByText('Concluído').waitFor({ timeout: 20_000 });
    await expect(page.getByRole('progressbar', { name: 'Progresso do envio' }).getAttribute('aria-valuetext')).resolves.toBe('3 de 3 enviadas');
    await screenshot(page, 'avisos-detalhe');
    await page.getByRole('link', { name: 'Todos os avisos' }).click();
    await page.getByRole('table', { name: 'Avisos' }).getByText('Vacinação no sábado').waitFor();
    await page.getByRole('list', { name: 'Avisos publicados' }).getByText('Vacinação no sábado').waitFor();
    expect(faults).toEqual([]);
  });
});
