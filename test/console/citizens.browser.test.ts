import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] citizens browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

const ADMIN = { email: 'ana.admin@palmas.to.gov.br', name: 'Ana Admin', role: 'admin' as const };
const SEMUS = { email: 'leo.semus@palmas.to.gov.br', name: 'Léo Saúde', role: 'attendant' as const, departmentId: 'semus' };

describe.skipIf(!hasChromium)('citizens in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    for (const user of [ADMIN, SEMUS]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, clock.now().getTime(), app.config.city.departments);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const signedIn = (email: string, path: string) => openSignedIn(browser, `${testApp().url}${path}`, email, clock.now(), { downloads: true });

  it('finds a citizen, shows their record, exports it, and anonymises them; another department never finds them', async () => {
    const dora = scriptedCitizen(testApp(), '5563999991101', 'Dora Alves');
    await dora.asksForPersonAboutStreetLight();

    const other = await signedIn(SEMUS.email, '/cidadaos');
    await other.getByLabel('Buscar cidadão').fill('Dora');
    await other.getByText('Ninguém encontrado com “Dora”.').waitFor();

    const page = await signedIn(ADMIN.email, '/cidadaos');
    const faults = watchForFaults(page);
    await page.getByLabel('Buscar cidadão').fill('63 99999-1101');
    await page.getByRole('list', { name: 'Cidadãos encontrados' }).getByRole('link', { name: /Dora Alves/ }).click();
    await page.getByRole('heading', { name: 'Dora Alves' }).waitFor();
    await page.getByText('Não quis se cadastrar').waitFor();
    await page.getByText('Infraestrutura e Habitação').waitFor();
    await screenshot(page, 'cidadao');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Exportar dados (JSON)' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const exported = JSON.parse(await readFile(file, 'utf8')) as { records: { messages_received: unknown[] } };
    expect(exported.records.messages_received.length).toBeGreaterThan(3);

    await page.getByRole('button', { name: 'Anonimizar…' }).click();
    const confirm = page.getByRole('form', { name: 'Confirmar anonimização' });
    await confirm.getByLabel(/quatro últimos dígitos/).fill('1101');
    await screenshot(page, 'cidadao-anonimizar');
    await confirm.getByRole('button', { name: 'Anonimizar para sempre' }).click();
    await page.getByRole('heading', { name: 'Dados anonimizados' }).waitFor();
    await page.setViewportSize(TABLET);
    await page.goto(`${testApp().url}/cidadaos?q=Dora`);
    await page.getByText('Ninguém encontrado com “Dora”.').waitFor();
    expect(faults).toEqual([]);
  });
});
