import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { findService } from '../../src/domain/catalog/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] catalog browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });
const COORDINATOR = { email: 'rita.secom@palmas.to.gov.br', name: 'Rita Secom', role: 'coordinator' as const };
const SEMAPHORE = 'o semaforo da avenida esta desligado';

describe.skipIf(!hasChromium)('catalog texts and training phrases in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    await createUser(app.storage.db, app.repos, { ...COORDINATOR, password: TEST_PASSWORD }, clock.now().getTime());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator rewords a menu row: over the limit is refused, a good one reaches the catalog, and it goes back to the original', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/servicos', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    await page.getByRole('navigation', { name: 'Serviços' }).getByRole('button', { name: 'Tapa-buraco' }).click();
    const title = page.getByLabel('Título no menu');
    await title.fill('Buracos no asfalto da cidade');
    await page.getByText('28/24 — passou do limite').waitFor();
    await title.locator('xpath=ancestor::form').getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('alert').getByText('Título no menu: no máximo 24 caracteres (tem 28).').waitFor();

    await title.fill('Buraco no asfalto');
    await title.locator('xpath=ancestor::form').getByRole('button', { name: 'Salvar' }).click();
    await page.getByRole('figure', { name: 'Prévia no WhatsApp' }).getByText('Buraco no asfalto').waitFor();
    await page.getByText('Texto original: Tapa-buraco').waitFor();
    expect(findService(testApp().app.config.city.catalog, 'tapa-buraco')?.menuTitle).toBe('Buraco no asfalto');
    await screenshot(page, 'configuracoes-servicos');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'configuracoes-servicos-tablet');

    await page.getByRole('button', { name: 'Voltar ao original' }).click();
    await page.getByRole('figure', { name: 'Prévia no WhatsApp' }).getByText('Tapa-buraco').waitFor();
    expect(findService(testApp().app.config.city.catalog, 'tapa-buraco')?.menuTitle).toBe('Tapa-buraco');
    expect(faults).toEqual([]);
  });

  it('a coordinator tests a sentence, teaches it to the right subject, sees the new answer at once, and takes it back', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/classificador', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    await page.getByLabel('Mensagem do cidadão').fill(SEMAPHORE);
    await page.getByRole('button', { name: 'Classificar' }).click();
    const result = page.getByRole('region', { name: 'Resultado' }).locator('.classification__service').first();
    await result.waitFor();
    expect(await result.textContent()).not.toContain('informacoes-gerais');

    await page.getByLabel('Assunto').selectOption('informacoes-gerais');
    await page.getByRole('button', { name: /Usar a última frase testada/ }).click();
    await page.getByRole('button', { name: 'Ensinar' }).click();
    await page.getByText(`O robô aprendeu “${SEMAPHORE}” como Outras informações e orientações.`).waitFor();
    await page.getByRole('list', { name: 'Frases de Outras informações e orientações' }).getByText(SEMAPHORE).waitFor();
    await result.filter({ hasText: 'informacoes-gerais' }).waitFor();
    await screenshot(page, 'configuracoes-frases');

    await page.getByRole('button', { name: `Tirar a frase “${SEMAPHORE}”` }).click();
    await page.getByRole('list', { name: 'Frases de Outras informações e orientações' }).getByText(SEMAPHORE).waitFor({ state: 'detached' });
    await result.filter({ hasNotText: 'informacoes-gerais' }).waitFor();
    expect(await testApp().app.repos.catalogEdits.phraseEdits(testApp().app.storage.db)).toEqual([]);
    expect(faults).toEqual([]);
  });
});
