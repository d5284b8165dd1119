import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { enqueueRefused } from '../support/outbox.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] settings browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });
const ADMIN = { email: 'bia.admin@palmas.to.gov.br', name: 'Bia Admin', role: 'admin' as const };

describe.skipIf(!hasChromium)('Configurações in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    await createUser(app.storage.db, app.repos, { ...ADMIN, password: TEST_PASSWORD }, clock.now().getTime(), app.config.city.departments);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an admin adds an attendant of a department, who signs in with the one-time password and sees only that department', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/usuarios', now: clock.now() }, ADMIN.email);
    const faults = watchForFaults(page);
    const form = page.getByRole('form', { name: 'Novo usuário' });
    await form.getByLabel('Nome').fill('Gil Souza');
    await form.getByLabel('E-mail').fill('gil.seihab@palmas.to.gov.br');
    await form.getByLabel('Perfil').selectOption('attendant');
    await form.getByLabel('Secretaria').selectOption('seihab');
    await form.getByRole('button', { name: 'Adicionar usuário' }).click();
    const password = (await page.locator('.one-time-secret code').innerText()).trim();
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    await page.getByRole('table', { name: 'Usuários' }).getByText('gil.seihab@palmas.to.gov.br').waitFor();
    await screenshot(page, 'configuracoes-usuarios');

    const gil = await browser.newPage({ locale: 'pt-BR' });
    gil.setDefaultTimeout(8_000);
    await gil.goto(`${testApp().url}/pedidos`);
    await gil.getByLabel('E-mail').fill('gil.seihab@palmas.to.gov.br');
    await gil.getByLabel('Senha').fill(password);
    await gil.getByRole('button', { name: 'Entrar' }).click();
    // A password someone else knows is replaced before anything else.
    await gil.getByRole('heading', { name: 'Defina a sua senha' }).waitFor();
    await gil.getByLabel('Senha provisória').fill(password);
    await gil.getByLabel('Nova senha', { exact: true }).fill('poste aceso na 104');
    await gil.getByLabel('Repita a nova senha').fill('poste aceso na 104');
    await screenshot(gil, 'definir-senha');
    await gil.getByRole('button', { name: 'Salvar nova senha' }).click();
    await gil.getByText('Os pedidos da sua secretaria').waitFor();
    // Department users have no department filter: the API keeps them to their own.
    await expect(gil.getByLabel('Secretaria').count()).resolves.toBe(0);
    expect(faults).toEqual([]);
  });

  it('anyone changes their own password from their account page, and the old one stops working', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/', now: clock.now() }, ADMIN.email);
    const faults = watchForFaults(page);
    await page.getByRole('link', { name: /Minha conta/ }).click();
    await page.getByRole('heading', { name: 'Minha conta' }).waitFor();
    const form = page.getByRole('form', { name: 'Trocar senha' });
    await form.getByLabel('Senha atual').fill('errada-mesmo');
    await form.getByLabel('Nova senha', { exact: true }).fill('chuva forte em dezembro');
    await form.getByLabel('Repita a nova senha').fill('chuva forte em dezembro');
    await form.getByRole('button', { name: 'Salvar nova senha' }).click();
    await form.getByRole('alert').getByText('A senha atual não confere.').waitFor();
    await form.getByLabel('Senha atual').fill(TEST_PASSWORD);
    await form.getByRole('button', { name: 'Salvar nova senha' }).click();
    await page.getByText('Senha trocada.').waitFor();
    await screenshot(page, 'minha-conta');
    const old = await fetch(`${testApp().url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'whats-palmas' }, body: JSON.stringify({ email: ADMIN.email, password: TEST_PASSWORD }) });
    expect(old.status).toBe(401);
    // Back to the shared test password for the other tests.
    await form.getByLabel('Senha atual').fill('chuva forte em dezembro');
    await form.getByLabel('Nova senha', { exact: true }).fill(TEST_PASSWORD);
    await form.getByLabel('Repita a nova senha').fill(TEST_PASSWORD);
    await form.getByRole('button', { name: 'Salvar nova senha' }).click();
    await page.getByText('Senha trocada.').waitFor();
    expect(faults).toEqual([]);
  });

  it('an admin sees a message Meta refused with what the code means, and sends it again', async () => {
    const { app } = testApp();
    await enqueueRefused(app, [{ idempotencyKey: 'falha:0', recipient: '5563999994321', payload: { type: 'text', text: { body: 'Olá' } }, cause: 'falha' }], clock.now().getTime(), { code: 131000, detail: 'Something went wrong' });
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/falhas', now: clock.now() }, ADMIN.email);
    const faults = watchForFaults(page);
    const table = page.getByRole('table', { name: 'Mensagens recusadas' });
    await table.getByText('Erro genérico da Meta').waitFor();
    await table.getByText('…4321').waitFor();
    await screenshot(page, 'configuracoes-falhas');
    await table.getByRole('button', { name: 'Enviar de novo' }).click();
    await page.getByText('Mensagem enviada de novo.').waitFor();
    // Sent again, the simulator refuses it for the rule it really breaks (the citizen never wrote), so it is back.
    await expect.poll(async () => {
      await page.reload();
      // Counted once the list has loaded (with the refusal, or empty while it is being sent again).
      await page.getByText(/Passaram 24 horas|Nenhuma mensagem recusada/).first().waitFor();
      return page.getByRole('table', { name: 'Mensagens recusadas' }).getByText('Passaram 24 horas').count();
    }, { timeout: 15_000 }).toBe(1);
    expect(faults).toEqual([]);
  });

  it('every page says when WhatsApp messages are not going out, and why, until they are again', async () => {
    const { app } = testApp();
    const { db } = app.storage;
    await app.repos.settings.set(db, 'whatsapp.graph_unavailable', { since: clock.now().getTime(), detail: 'HTTP 503' }, clock.now().getTime());
    const page = await openSignedIn(browser, { url: testApp().url, path: '/pedidos', now: clock.now() }, ADMIN.email);
    const faults = watchForFaults(page);
    await page.getByRole('alert').getByText('A Meta não está respondendo').waitFor();
    await screenshot(page, 'alerta-meta-fora');
    await app.repos.settings.remove(db, 'whatsapp.graph_unavailable');
    await app.repos.settings.set(db, 'whatsapp.sending_paused', { code: 190, detail: 'token expired', since: clock.now().getTime() }, clock.now().getTime());
    await page.reload();
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/Mensagens do WhatsApp paradas.*erro 190.*WHATSAPP_ACCESS_TOKEN/s);
    await app.repos.settings.remove(db, 'whatsapp.sending_paused');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Mensagens do WhatsApp paradas').count()).toBe(0);
    expect(faults).toEqual([]);
  });

  it('an admin issues an Open311 key shown once, revokes it, and finds both in the audit log', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/configuracoes/chaves', now: clock.now() }, ADMIN.email);
    const faults = watchForFaults(page);
    await page.getByLabel('Para quem é').fill('FixMyStreet Palmas');
    await page.getByRole('button', { name: 'Gerar chave' }).click();
    await expect(page.locator('.one-time-secret code').innerText()).resolves.toMatch(/^o311_/);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('table', { name: 'Chaves Open311' }).getByRole('button', { name: 'Revogar' }).click();
    await page.getByText(/Revogada em/).waitFor();
    await screenshot(page, 'configuracoes-chaves');
    await page.getByRole('link', { name: 'Auditoria' }).click();
    await page.getByText('Revogou uma chave Open311').waitFor();
    await page.getByText('Emitiu uma chave Open311').waitFor();
    await page.setViewportSize(TABLET);
    await screenshot(page, 'configuracoes-auditoria-tablet');
    expect(faults).toEqual([]);
  });
});
