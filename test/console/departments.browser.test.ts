import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { openServiceRequest } from '../../src/domain/requests/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] departments browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });
const COORDINATOR = { email: 'lia.coord@palmas.to.gov.br', name: 'Lia Coordenação', role: 'coordinator' as const };
const ATTENDANT = { email: 'ivo.zeladoria@palmas.to.gov.br', name: 'Ivo Lima', role: 'attendant' as const, departmentId: 'zeladoria-urbana' };
const FORMER = { email: 'ana.zeladoria@palmas.to.gov.br', name: 'Ana Dias', role: 'attendant' as const, departmentId: 'zeladoria-urbana' };

describe.skipIf(!hasChromium)('Secretarias in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    const now = clock.now().getTime();
    for (const user of [COORDINATOR, ATTENDANT, FORMER]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, now, app.config.city.departments);
    await app.storage.db.updateTable('users').set({ disabled_at: now }).where('email', '=', FORMER.email).execute();
    const pothole = { serviceCode: 'tapa-buraco', citizenKey: null, channel: 'phone' as const, location: { text: 'Quadra 104 Sul' }, description: 'Buraco na pista' };
    await openServiceRequest(app.storage.db, app.repos, app.config.city, pothole, now);
    await openServiceRequest(app.storage.db, app.repos, app.config.city, pothole, now - 40 * 24 * 3600 * 1000);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator sees every department with its load, people and former structures, and goes from a figure to the board', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/secretarias', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    const zeladoria = page.getByRole('region', { name: /Zeladoria Urbana/ });
    await zeladoria.getByText('Ivo Lima').waitFor();
    expect(await zeladoria.getByRole('listitem').filter({ hasText: 'Ana Dias' }).getByText('desativado').count()).toBe(1);
    expect(await zeladoria.getByText('Equipe no console (1 pessoa ativa)').count()).toBe(1);
    expect(await zeladoria.locator('.department-figure__value').allTextContents()).toEqual(['2', '1', '0']);
    await zeladoria.getByText('Tapa-buraco').waitFor();
    await page.getByRole('region', { name: 'Estruturas anteriores' }).getByText(/trabalho passou para Secretaria Municipal de Infraestrutura e Habitação/).first().waitFor();
    await screenshot(page, 'configuracoes-secretarias');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'configuracoes-secretarias-tablet');

    await zeladoria.getByRole('link', { name: /atrasados/ }).click();
    await page.waitForURL(/\/pedidos\?department=zeladoria-urbana&overdue=1/);
    await page.getByRole('table').getByText('Tapa-buraco').first().waitFor();
    expect(faults).toEqual([]);
  });

  it("an attendant sees only their department's card, with no former structures", async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/secretarias', now: clock.now() }, ATTENDANT.email);
    await page.getByRole('region', { name: /Zeladoria Urbana/ }).waitFor();
    expect(await page.locator('.department-card').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Estruturas anteriores' }).count()).toBe(0);
  });
});
