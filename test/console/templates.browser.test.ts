import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] templates browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });
const COORDINATOR = { email: 'tania.secom@palmas.to.gov.br', name: 'Tânia Secom', role: 'coordinator' as const };

describe.skipIf(!hasChromium)('WhatsApp templates and the public notices in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    await createUser(app.storage.db, app.repos, { ...COORDINATOR, password: TEST_PASSWORD }, clock.now().getTime());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator syncs templates from Meta, sees one previewed, enters one by hand (after a refusal) and removes it', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/modelos', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    const table = page.getByRole('table', { name: 'Modelos de mensagem' });
    await table.getByText('protocolo_registrado').waitFor();
    await page.getByRole('button', { name: 'Sincronizar com a Meta' }).click();
    await page.getByText(/^Sincronizado com a Meta: \d+ modelos/).waitFor();
    await table.getByRole('button', { name: 'protocolo_atualizado' }).click();
    await page.getByRole('figure', { name: 'Prévia no WhatsApp' }).getByText(/agora está: \[/).waitFor();

    const form = page.getByRole('form', { name: 'Cadastrar modelo' });
    await form.getByLabel('Nome').fill('Aviso Chuva');
    await form.getByLabel('Texto').fill('Alerta da Defesa Civil: {{1}}');
    await form.getByRole('button', { name: 'Cadastrar modelo' }).click();
    await form.getByRole('alert').waitFor();
    await form.getByLabel('Nome').fill('alerta_chuva');
    await form.getByRole('button', { name: 'Cadastrar modelo' }).click();
    const row = table.getByRole('row').filter({ hasText: 'alerta_chuva' });
    await row.getByText('cadastrado à mão').waitFor();
    expect(await row.getByText('Aprovado').count()).toBe(1);
    await screenshot(page, 'configuracoes-modelos');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'configuracoes-modelos-tablet');
    await row.getByRole('button', { name: 'Remover' }).click();
    await row.waitFor({ state: 'detached' });
    expect(faults).toEqual([]);
  });

  it('a coordinator publishes a notice on the public page only, sees it there, and withdraws it', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/transmissoes', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    const form = page.getByRole('form', { name: 'Publicar só na página' });
    await form.getByLabel('Título').fill('Feira de artesanato no sábado');
    await form.getByLabel('Texto').fill('Na *Praça dos Girassóis*, das 8h às 14h.');
    await form.getByRole('button', { name: 'Publicar' }).click();
    const published = page.getByRole('list', { name: 'Avisos publicados' });
    await published.getByText('Feira de artesanato no sábado').waitFor();
    const html = await (await fetch(`${testApp().url}/avisos`)).text();
    expect(html).toContain('Na <strong>Praça dos Girassóis</strong>, das 8h às 14h.');
    await screenshot(page, 'avisos-lista');
    await published.getByRole('button', { name: 'Retirar' }).click();
    await published.getByText(/retirado em/).waitFor();
    expect(await (await fetch(`${testApp().url}/avisos`)).text()).not.toContain('Feira de artesanato');
    expect(faults).toEqual([]);
  });
});
