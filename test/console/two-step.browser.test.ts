import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode } from '../../src/domain/attendants/base32.js';
import { totpAt } from '../../src/domain/attendants/totp.js';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] two-step browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

const clock = new ManualClock('2026-11-30T17:00:05Z');
const testApp = useTestApp({ clock });
const RITA = { email: 'rita@palmas.to.gov.br', name: 'Rita Lima', role: 'attendant' as const };
const ADMIN = { email: 'bia.admin@palmas.to.gov.br', name: 'Bia Admin', role: 'admin' as const };

/** The code an authenticator app would show now, by the server's clock. */
const codeNow = (secret: string, offsetMs = 0): string => totpAt(base32Decode(secret) ?? Buffer.alloc(0), clock.now().getTime() + offsetMs);

const signInWithPassword = async (browser: Browser): Promise<Page> => {
  const page = await browser.newPage({ viewport: TABLET, locale: 'pt-BR' });
  page.setDefaultTimeout(8_000);
  await page.goto(`${testApp().url}/`);
  await page.getByLabel('E-mail').fill(RITA.email);
  await page.getByLabel('Senha').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('heading', { name: 'Verificação em duas etapas' }).waitFor();
  return page;
};

describe.skipIf(!hasChromium)('two-step verification in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    for (const user of [RITA, ADMIN]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, clock.now().getTime(), app.config.city.departments);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an attendant turns it on from Minha conta with the key shown, then signs in with a code from the app', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/conta', now: clock.now(), viewport: TABLET }, RITA.email);
    const faults = watchForFaults(page);
    const card = page.getByRole('region', { name: 'Verificação em duas etapas' });
    await card.getByLabel('Senha atual').fill(TEST_PASSWORD);
    await card.getByRole('button', { name: 'Ativar' }).click();
    await card.getByRole('img', { name: 'Código QR para o aplicativo autenticador' }).waitFor();
    const key = card.getByLabel('Chave para digitar');
    await key.waitFor();
    const groups = (await key.locator('code').allInnerTexts()).map((group) => group.trim());
    expect(groups.every((group) => /^[A-Z2-7]{4}$/.test(group))).toBe(true);
    const secret = groups.join('');
    expect(secret).toHaveLength(32);
    await screenshot(page, 'minha-conta-duas-etapas');

    const codeField = card.getByLabel(/Código de 6 números/);
    await codeField.fill(codeNow(secret, -2 * 30_000));
    await card.getByRole('button', { name: 'Confirmar e ativar' }).click();
    await card.getByRole('alert').getByText('Código incorreto ou expirado. Confira a hora do celular e tente de novo.').waitFor();
    await codeField.fill(codeNow(secret));
    await card.getByRole('button', { name: 'Confirmar e ativar' }).click();
    const list = card.getByRole('list', { name: 'Códigos de recuperação' });
    await list.waitFor();
    const recoveryCodes = (await list.locator('code').allInnerTexts()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(8);
    await card.getByRole('button', { name: 'Já guardei' }).click();
    await card.getByText('Códigos de recuperação restantes: 8.').waitFor();
    expect(faults).toEqual([]);

    // Thirty seconds later, on a tablet: the password, then the app's code.
    clock.advance(30_000);
    const tablet = await signInWithPassword(browser);
    const tabletFaults = watchForFaults(tablet);
    await tablet.getByLabel('Código de verificação').fill(codeNow(secret, -2 * 30_000));
    await tablet.getByRole('button', { name: 'Confirmar' }).click();
    await tablet.getByRole('alert').getByText('Código incorreto ou expirado. Confira a hora do celular e tente de novo.').waitFor();
    await screenshot(tablet, 'entrar-codigo');
    await tablet.getByLabel('Código de verificação').fill(codeNow(secret));
    await tablet.getByRole('button', { name: 'Confirmar' }).click();
    await tablet.getByRole('navigation', { name: 'Seções' }).waitFor();
    expect(tabletFaults).toEqual([]);

    // A lost phone: a recovery code, as written on paper, opens the console once.
    const paper = await signInWithPassword(browser);
    await paper.getByLabel('Código de verificação').fill(recoveryCodes[0] ?? '');
    await paper.getByRole('button', { name: 'Confirmar' }).click();
    await paper.getByRole('navigation', { name: 'Seções' }).waitFor();
  });

  it('an admin sees who has it on and turns it off for someone who lost their phone', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/usuarios', now: clock.now() }, ADMIN.email);
    const faults = watchForFaults(page);
    const rita = page.getByRole('row').filter({ hasText: RITA.email });
    await rita.getByText('duas etapas', { exact: true }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await rita.getByRole('button', { name: 'Desativar duas etapas' }).click();
    await rita.getByRole('button', { name: 'Desativar duas etapas' }).waitFor({ state: 'detached' });
    await expect(rita.getByText('duas etapas', { exact: true }).count()).resolves.toBe(0);
    const again = await fetch(`${testApp().url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'whats-palmas' }, body: JSON.stringify({ email: RITA.email, password: TEST_PASSWORD }) });
    expect(again.status).toBe(200);
    expect(faults).toEqual([]);
  });
});
