import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn as openSignedInAt, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] citizens browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

const ADMIN = { email: 'ana.admin@palmas.to.gov.br', name: 'Ana Torres', role: 'admin' as const };
const SEMUS = { email: 'saude@palmas.to.gov.br', name: 'Rui Saúde', role: 'attendant' as const, departmentId: 'semus' };
const JOANA = '5563999990311';
const SCREEN = { width: 1280, height: 800 };

const openSignedIn = (browser: Browser, email: string, path: string): Promise<Page> => openSignedInAt(browser, { url: testApp().url, path, now: clock.now(), viewport: SCREEN }, email);

/** Joana accepts the terms, registers (name and quadra) and reports a street light; returns the protocol. */
const registerAndReport = async (): Promise<string> => {
  const joana = scriptedCitizen(testApp(), JOANA, 'Joana');
  await joana.registers('Joana Prado', 'arse 12', '106 Sul');
  return joana.reportsStreetLight();
};

const search = async (page: Page, text: string): Promise<void> => {
  await page.getByLabel('Telefone, nome ou protocolo').fill(text);
  await page.getByRole('button', { name: 'Buscar' }).click();
};

describe.skipIf(!hasChromium)('citizens in Chromium', () => {
  let browser: Browser;
  let protocol: string;

  beforeAll(async () => {
    const { app } = testApp();
    for (const user of [ADMIN, SEMUS]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, clock.now().getTime(), app.config.city.departments);
    protocol = await registerAndReport();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an attendant of another department does not find the citizen, by number or by name', async () => {
    const page = await openSignedIn(browser, SEMUS.email, '/cidadaos');
    await search(page, '(63) 99999-0311');
    await page.getByText('Nenhum cidadão encontrado para “(63) 99999-0311”').waitFor();
    await search(page, 'joana');
    await page.getByText('Nenhum cidadão encontrado para “joana”').waitFor();
    await page.goto(`${testApp().url}/cidadaos/${JOANA}`);
    await page.getByRole('alert').getByText('Cidadão não encontrado').waitFor();
    await page.close();
  });

  it('an admin finds the citizen, sees her request and consent, exports her data and anonymises her', async () => {
    const page = await openSignedIn(browser, ADMIN.email, '/cidadaos');
    const faults = watchForFaults(page);
    await page.getByRole('link', { name: 'Cidadãos' }).waitFor();
    await page.getByText('Digite ao menos 2 letras').waitFor();
    await search(page, '63 9999 90311');
    const result = page.getByRole('list', { name: 'Cidadãos encontrados' }).getByRole('link');
    await expect(result.allTextContents()).resolves.toEqual([expect.stringContaining('Joana Prado+55 63 99999-0311')]);
    await screenshot(page, 'cidadaos-busca');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'cidadaos-busca-tablet');
    await page.setViewportSize(SCREEN);

    await result.click();
    await page.getByRole('heading', { name: 'Joana Prado' }).waitFor();
    await expect(page.getByText('+55 63 99999-0311 · ').textContent()).resolves.toContain('106 Sul');
    const consents = page.getByRole('region', { name: 'Cadastro e consentimentos' });
    await expect(consents.getByText(/^Aceitou em 30\/11\/2026/).isVisible()).resolves.toBe(true);
    await expect(consents.getByText(/^Recebe desde 30\/11\/2026.*pelo WhatsApp/).isVisible()).resolves.toBe(true);
    const history = page.getByRole('region', { name: 'Avisos e consentimentos' });
    await history.getByText('Recebe avisos de: Saúde, Obras e trânsito, Eventos, Chuvas e Defesa Civil.').waitFor();
    await history.getByText('Passou a receber avisos de Eventos').waitFor();
    await history.getByText('Aceitou o aviso de privacidade').waitFor();
    const requests = page.getByRole('list', { name: 'Pedidos do cidadão' });
    await expect(requests.getByRole('link', { name: protocol }).getAttribute('href')).resolves.toBe(`/pedidos/${protocol}`);
    await screenshot(page, 'cidadao');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'cidadao-tablet');
    await page.setViewportSize(SCREEN);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportar dados (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe('dados-cidadao-2026-11-30.json');
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as { citizenKey: string; records: { requests: Array<{ protocol: string }> } };
    expect(exported.citizenKey).toBe(JOANA);
    expect(exported.records.requests.map((r) => r.protocol)).toEqual([protocol]);

    await page.getByRole('button', { name: 'Anonimizar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Anonimizar este cidadão?' });
    await dialog.getByText('Isto não pode ser desfeito.').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Anonimizar para sempre' });
    await dialog.getByLabel('Para confirmar, digite os 4 últimos dígitos do número').fill('0000');
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Para confirmar, digite os 4 últimos dígitos do número').fill('0311');
    await screenshot(page, 'cidadao-anonimizar');
    await confirm.click();
    await page.getByRole('heading', { name: 'Cidadão anonimizado' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Dados anonimizados em' }).textContent()).resolves.toMatch(/^Dados anonimizados em 30\/11\/2026,? 14:00\.$/);
    await screenshot(page, 'cidadao-anonimizado');

    const kept = await testApp().app.storage.db.selectFrom('service_requests').select(['citizen_key', 'contact_phone']).where('protocol', '=', protocol).executeTakeFirstOrThrow();
    expect(kept).toEqual({ citizen_key: null, contact_phone: null });
    expect(faults).toEqual([]);
  });
});
