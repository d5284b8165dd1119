import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signIn, TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] reports browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });
const COORDINATOR = { email: 'rafa.coord@palmas.to.gov.br', name: 'Rafa Coordenação', role: 'coordinator' as const };
const ATTENDANT = { email: 'lia.atende@palmas.to.gov.br', name: 'Lia Atende', role: 'attendant' as const };
const DAY = '2026-11-30';

describe.skipIf(!hasChromium)('Relatórios in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    for (const user of [COORDINATOR, ATTENDANT]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, clock.now().getTime());
    // Palmas (TO), Goiás, Minas Gerais, São Paulo and abroad write to the channel.
    for (const [phone, name] of [['5563999991001', 'Ana'], ['5562999991002', 'Bia'], ['5531999991003', 'Caio'], ['5511999991004', 'Duda'], ['14155550199', 'Eve']] as const) {
      await scriptedCitizen(testApp(), phone, name).declinesRegistration();
    }
    await scriptedCitizen(testApp(), '5563999991001', 'Ana').says('tem um buraco enorme na rua', 'Tapa-buraco');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a coordinator the API's figures for the period in the address: by state, abroad, by subject", async () => {
    const cookie = await signIn(testApp(), COORDINATOR.email, TEST_PASSWORD);
    const api = (await callApi(testApp().url, 'GET', `/api/reports/summary?from=${DAY}&to=${DAY}`, cookie)).body as { messages_received: number; by_state: Record<string, number> };
    expect(api.messages_received).toBe(11);
    const page = await openSignedIn(browser, { url: testApp().url, path: `/relatorios?de=${DAY}&ate=${DAY}`, now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    const received = page.getByRole('region', { name: 'Mensagens recebidas' });
    await expect(received.locator('.stat__value').textContent()).resolves.toBe(String(api.messages_received));
    const origin = page.getByRole('region', { name: 'De onde escrevem' });
    await origin.locator('svg title', { hasText: 'GO: 2' }).waitFor({ state: 'attached' });
    expect(await origin.locator('.bars__row', { hasText: 'TO' }).locator('.bars__count').textContent()).toBe(String(api.by_state.TO));
    await origin.getByText('Estados Unidos').waitFor();
    await page.getByRole('region', { name: 'Assuntos das mensagens' }).getByText('Serviços urbanos').waitFor();
    await screenshot(page, 'relatorios');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'relatorios-tablet');

    // The period survives a reload, and a preset changes it.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Mensagens recebidas' }).locator('.stat__value').textContent()).resolves.toBe('11');
    await page.getByRole('button', { name: 'Últimos 7 dias' }).click();
    await page.waitForURL(/de=\d{4}-\d{2}-\d{2}&ate=/);
    expect(page.url()).not.toContain(`de=${DAY}&ate=${DAY}`);
    expect(faults).toEqual([]);
  });

  it('is not in the menu of an attendant', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/', now: clock.now() }, ATTENDANT.email);
    expect(await page.getByRole('navigation', { name: 'Seções' }).getByRole('link', { name: 'Relatórios' }).count()).toBe(0);
  });
});
