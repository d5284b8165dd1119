import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type Role } from '../../src/domain/attendants/users.js';
import { addClosure, removeClosure, upcomingClosures } from '../../src/domain/closures/index.js';
import { openServiceRequest } from '../../src/domain/requests/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, DESKTOP, hasChromium, launchChromium, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] console browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

const DAY = 24 * 60 * 60 * 1000;
// Monday 2026-11-30, 15:00 in Palmas.
const clock = new ManualClock('2026-11-30T18:00:00Z');
const testApp = useTestApp({ clock });

const USERS = {
  coordinator: { email: 'carla.coord@palmas.to.gov.br', name: 'Carla Nunes', role: 'coordinator' as Role },
  attendant: { email: 'ana.zeladoria@palmas.to.gov.br', name: 'Ana Lima', role: 'attendant' as Role, departmentId: 'zeladoria-urbana' },
};

describe.skipIf(!hasChromium)('the attendants console in Chromium', () => {
  let browser: Browser;
  let lateProtocol: string;
  let coordinatorId: number;

  beforeAll(async () => {
    const { app } = testApp();
    const now = clock.now().getTime();
    const departments = app.config.city.departments;
    coordinatorId = (await createUser(app.storage.db, app.repos, { ...USERS.coordinator, password: TEST_PASSWORD }, now, departments)).id;
    await createUser(app.storage.db, app.repos, { ...USERS.attendant, password: TEST_PASSWORD }, now, departments);
    const pothole = { serviceCode: 'tapa-buraco', citizenKey: null, channel: 'phone' as const, location: { latitude: -10.2, longitude: -48.3, text: 'Quadra 104 Sul' }, description: 'Buraco na pista' };
    const late = await openServiceRequest(app.storage.db, app.repos, app.config.city, pothole, now - 40 * DAY);
    if (!late.ok) throw new Error('could not open the late request');
    lateProtocol = late.value.protocol;
    await openServiceRequest(app.storage.db, app.repos, app.config.city, { ...pothole, location: { latitude: -10.25, longitude: -48.3, text: 'Taquaralto' } }, now);
    await openServiceRequest(app.storage.db, app.repos, app.config.city, { ...pothole, serviceCode: 'retirada-entulho', location: { latitude: -10.19, longitude: -48.32, text: 'Quadra 405 Norte' } }, now - 2 * 60 * 60 * 1000);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const newPage = async (): Promise<{ page: Page; faults: string[] }> => {
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'pt-BR' });
    return { page, faults: watchForFaults(page) };
  };

  const signIn = async (page: Page, email: string, path = '/'): Promise<void> => {
    await page.goto(`${testApp().url}${path}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Senha').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('navigation', { name: 'Seções' }).waitFor();
  };

  const stat = (page: Page, label: string) => page.getByRole('region', { name: label }).locator('.stat__value');

  it('refuses a wrong password in Portuguese, then opens the dashboard of the chosen department', async () => {
    const { page, faults } = await newPage();
    await page.goto(testApp().url);
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    await expect(page.getByText('Prefeitura de Palmas').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'entrar');

    await page.getByLabel('E-mail').fill(USERS.coordinator.email);
    await page.getByLabel('Senha').fill('senha-errada');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('E-mail ou senha incorretos.');
    await screenshot(page, 'entrar-erro');

    await page.getByLabel('Senha').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    const user = page.getByRole('link', { name: /^Minha conta/ });
    await expect(user.textContent()).resolves.toBe('Carla NunesCoordenação');
    await expect(page.getByRole('navigation', { name: 'Seções' }).getByRole('link').allTextContents()).resolves.toEqual(['Painel', 'Atendimento', 'Cidadãos', 'Pedidos', 'Registrar ligação', 'Carta de Serviços', 'Avisos', 'Relatórios', 'Configurações']);
    await expect(page.getByRole('link', { name: 'Simulador do WhatsApp' }).getAttribute('href')).resolves.toBe('/simulador');

    await page.getByLabel('Secretaria').selectOption('zeladoria-urbana');
    await page.getByRole('cell', { name: lateProtocol }).waitFor();
    await expect(stat(page, 'Abertos no dia').textContent()).resolves.toBe('2');
    await expect(stat(page, 'Encerrados no dia').textContent()).resolves.toBe('0');
    await expect(stat(page, 'Em aberto agora').textContent()).resolves.toBe('3');
    await expect(stat(page, 'Atrasados agora').textContent()).resolves.toBe('1');
    const byService = page.getByRole('region', { name: 'Abertos por serviço' });
    await expect(byService.locator('.bars__row').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Retirada de entulho e volumosos\s*1$/),
      expect.stringMatching(/^Tapa-buraco\s*1$/),
    ]);
    await expect(page.getByRole('row', { name: new RegExp(lateProtocol) }).innerText()).resolves.toMatch(/Tapa-buraco\s+Aberto\s+.+\s+\d+ dias/);
    await screenshot(page, 'painel');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'painel-tablet');

    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByRole('heading', { name: 'Entrar' }).waitFor();
    expect(faults).toEqual([]);
  });

  it('lets a coordinator add a closure and remove it', async () => {
    const { page, faults } = await newPage();
    await signIn(page, USERS.coordinator.email, '/configuracoes');
    // Configurações opens on the hours and holidays, as the bot applies them.
    await page.getByRole('heading', { name: 'Feriados e pontos facultativos' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/configuracoes/horarios');
    await page.getByText(/Próximo atendimento|Aberto agora/).waitFor();
    await screenshot(page, 'horarios');
    await page.getByRole('link', { name: 'Fechamentos' }).click();
    await page.getByRole('heading', { name: 'Novo fechamento' }).waitFor();

    await page.getByLabel('Primeiro dia').fill('2026-12-24');
    await page.getByLabel('Último dia').fill('2026-12-26');
    await page.getByLabel('Motivo').fill('Recesso de Natal');
    await page.getByRole('button', { name: 'Incluir fechamento' }).click();
    await page.getByText('Recesso de Natal').waitFor();
    await expect(page.getByText('24/12 a 26/12/2026').isVisible()).resolves.toBe(true);
    const { app } = testApp();
    const stored = await upcomingClosures(app.storage.db, app.repos, app.config.city.calendar.timezone, clock.now().getTime());
    expect(stored).toMatchObject([{ firstDay: '2026-12-24', lastDay: '2026-12-26', reason: 'Recesso de Natal' }]);
    await screenshot(page, 'fechamentos');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'fechamentos-tablet');

    await page.getByRole('button', { name: 'Remover o fechamento de 24/12 a 26/12/2026' }).click();
    await page.getByRole('button', { name: 'Sim, remover' }).click();
    await page.getByText('Nenhum fechamento programado.').waitFor();
    await expect(upcomingClosures(app.storage.db, app.repos, app.config.city.calendar.timezone, clock.now().getTime())).resolves.toEqual([]);
    expect(faults).toEqual([]);
  });

  it('shows an attendant the closures without the means to change them, and only their department', async () => {
    const { app } = testApp();
    const timezone = app.config.city.calendar.timezone;
    const added = await addClosure(app.storage.db, app.repos, timezone, { firstDay: '2027-01-02', reason: 'Ponto facultativo (decreto)' }, coordinatorId, clock.now().getTime());
    expect(added.ok).toBe(true);
    const { page, faults } = await newPage();
    await signIn(page, USERS.attendant.email);
    await expect(page.getByRole('link', { name: /^Minha conta/ }).textContent()).resolves.toBe('Ana LimaAtendente');
    await expect(page.getByLabel('Secretaria').count()).resolves.toBe(0);
    await expect(page.locator('.page-header__subtitle').textContent()).resolves.toMatch(/Zeladoria Urbana/);
    await expect(stat(page, 'Atrasados agora').textContent()).resolves.toBe('1');

    await page.getByRole('link', { name: 'Configurações' }).click();
    await page.getByRole('link', { name: 'Fechamentos' }).click();
    await page.getByText('Ponto facultativo (decreto)').waitFor();
    await expect(page.getByText('Só a coordenação e a administração incluem ou removem fechamentos.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Remover/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Incluir fechamento' }).count()).resolves.toBe(0);
    await screenshot(page, 'fechamentos-atendente');
    if (added.ok) await removeClosure(app.storage.db, app.repos, added.value.id, coordinatorId, clock.now().getTime());
    expect(faults).toEqual([]);
  });

  it('classifies what a citizen might write', async () => {
    const { page, faults } = await newPage();
    await signIn(page, USERS.attendant.email, '/configuracoes/classificador');
    const message = page.getByLabel('Mensagem do cidadão');
    await message.fill('tem um poste apagado na minha rua');
    await page.getByRole('button', { name: 'Classificar' }).click();
    const result = page.getByRole('region', { name: 'Resultado' });
    await result.locator('.classification__service').first().waitFor();
    await expect(result.locator('.classification__service').first().textContent()).resolves.toBe('Troca de lâmpada / iluminação públicailuminacao-publica');

    await message.fill('bom dia');
    await page.getByRole('button', { name: 'Classificar' }).click();
    await result.getByText('“bom dia”').waitFor();
    await expect(result.locator('.classification__service').first().textContent()).resolves.toBe('Nenhum serviço');
    await screenshot(page, 'classificador');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'classificador-tablet');
    expect(faults).toEqual([]);
  });
});
