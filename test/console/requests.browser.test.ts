import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, DESKTOP, hasChromium, launchChromium, screenshot, SCREENSHOTS, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] requests browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
// No tile server: the maps must still frame their points with the city outline.
const testApp = useTestApp({ clock, env: { MAP_TILE_URL: '' } });

const COORDINATOR = { email: 'lia.coord@palmas.to.gov.br', name: 'Lia Prado', role: 'coordinator' as const };
const OPERATOR = { email: 'fone@palmas.to.gov.br', name: 'Fátima Reis', role: 'operator' as const };

const simulatorOf = () => {
  const simulator = testApp().app.simulator;
  if (!simulator) throw new Error('simulator mode expected');
  return simulator;
};

const openSignedIn = async (browser: Browser, email: string, path: string): Promise<Page> => {
  const page = await browser.newPage({ viewport: DESKTOP, locale: 'pt-BR' });
  page.setDefaultTimeout(8_000);
  await page.clock.setFixedTime(clock.now());
  await page.goto(`${testApp().url}${path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation', { name: 'Seções' }).waitFor();
  return page;
};

/** A citizen known on WhatsApp reports a pothole pinned at the Praça dos Girassóis; returns the protocol. */
const reportPothole = async (phone: string, name: string): Promise<string> => {
  const citizen = scriptedCitizen(testApp(), phone, name);
  await citizen.declinesRegistration();
  await citizen.says('tem um buraco enorme na rua', 'Tapa-buraco');
  await citizen.taps('svc:tapa-buraco', 'Onde fica?');
  await citizen.pins({ latitude: -10.1844, longitude: -48.3336 }, 'Descreva o buraco');
  await citizen.says('buraco fundo perto da faixa de pedestres', 'foto');
  await citizen.taps('skip', 'ponto de referência');
  await citizen.says('pular', 'Confira o pedido');
  const done = await citizen.taps('req:confirm', 'Protocolo');
  return /\*(\d{4}-\d{6})\*/.exec(done)?.[1] ?? '';
};

/** A screenshot at desktop width and, when screenshots are kept, one at tablet width too. */
const screenshots = async (page: Page, name: string): Promise<void> => {
  await screenshot(page, name);
  if (!SCREENSHOTS) return;
  await page.setViewportSize(TABLET);
  await screenshot(page, `${name}-tablet`);
  await page.setViewportSize(DESKTOP);
};

describe.skipIf(!hasChromium)('the requests board in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    for (const user of [COORDINATOR, OPERATOR]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, clock.now().getTime(), app.config.city.departments);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('filters, shows requests on the map without tiles, and changes a status with a note the citizen receives', async () => {
    const protocol = await reportPothole('5563999990901', 'Rosa Lima');
    const page = await openSignedIn(browser, COORDINATOR.email, '/pedidos');
    const faults = watchForFaults(page);
    await page.getByRole('link', { name: protocol }).waitFor();
    await page.getByLabel('Serviço').selectOption('iluminacao-publica');
    await page.getByText('Nenhum pedido com esses filtros.').waitFor();
    expect(new URL(page.url()).search).toContain('service=iluminacao-publica');
    await page.getByLabel('Serviço').selectOption('tapa-buraco');
    await page.getByRole('link', { name: protocol }).waitFor();
    await screenshots(page, 'pedidos');

    await page.getByRole('button', { name: 'Mapa' }).click();
    const map = page.getByRole('region', { name: 'Mapa dos pedidos' });
    await map.locator('path.leaflet-interactive').first().waitFor();
    await expect(map.locator('path.leaflet-interactive').count()).resolves.toBe(1);
    await expect(map.locator('path.city-map__outline').count()).resolves.toBe(1);
    await expect(map.locator('img.leaflet-tile').count()).resolves.toBe(0);
    await screenshots(page, 'pedidos-mapa');
    await page.getByRole('button', { name: 'Tabela' }).click();

    await page.getByRole('link', { name: protocol }).click();
    await page.getByRole('heading', { name: `Pedido ${protocol}` }).waitFor();
    await page.getByRole('region', { name: 'Local do pedido no mapa' }).waitFor();
    await page.getByText('buraco fundo perto da faixa de pedestres').waitFor();
    const status = page.getByRole('form', { name: 'Mudar situação' });
    await status.getByLabel('Nova situação').selectOption('em_execucao');
    await status.getByLabel('Mensagem ao cidadão (opcional)').fill('A equipe vai ao local amanhã de manhã.');
    await status.getByRole('button', { name: /Mudar para/ }).click();
    const told = await simulatorOf().waitForOutbound('5563999990901', (m) => outboundText(m).includes('amanhã de manhã'));
    expect(outboundText(told)).toContain(protocol);
    await page.locator('.request-history').getByText('A equipe vai ao local amanhã de manhã.').waitFor();
    await page.locator('.request-history').getByText(/Lia Prado/).first().waitFor();
    await screenshot(page, 'pedido');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'pedido-tablet');
    expect(faults).toEqual([]);
  });

  it('lets the phone team register a caller\'s request and read the protocol back; it then shows on the board', async () => {
    const page = await openSignedIn(browser, OPERATOR.email, '/pedidos/novo');
    const faults = watchForFaults(page);
    await expect(page.getByRole('navigation', { name: 'Seções' }).getByRole('link').allTextContents()).resolves.not.toContain('Atendimento');
    const form = page.getByRole('form', { name: 'Registrar ligação' });
    await form.getByRole('button', { name: 'Registrar e gerar protocolo' }).click();
    await page.getByText('Escolha o serviço.').waitFor();
    await form.getByLabel('Telefone').fill('(63) 3218-0000');
    await form.getByLabel('Nome').fill('Seu Joaquim');
    // The search narrows the services and picks the only one left.
    await form.getByLabel('Buscar serviço').fill('zzz');
    await form.getByText('Nenhum serviço com esse nome').waitFor();
    await form.getByLabel('Buscar serviço').fill('buraco');
    await expect(form.getByLabel('Serviço', { exact: true }).inputValue()).resolves.toBe('tapa-buraco');
    await form.getByLabel('Descrição').fill('Buraco grande na entrada da quadra, carros desviando pela contramão.');
    await form.getByLabel('Endereço').fill('qd 106 sul al 3');
    await form.getByText('Entendido como').getByText('106 Sul').waitFor();
    await form.getByLabel('Ponto de referência').fill('Em frente à escola');
    const map = form.getByRole('region', { name: 'Escolher o local no mapa' });
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('map not drawn');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await form.getByText('Ponto marcado.').waitFor();
    await screenshots(page, 'registrar-ligacao');
    await form.getByRole('button', { name: 'Registrar e gerar protocolo' }).click();
    const protocol = (await page.getByLabel('Protocolo').innerText()).trim();
    expect(protocol).toMatch(/^\d{4}-\d{6}$/);
    await page.getByText('o contato ficou no pedido para retorno').waitFor();
    await screenshots(page, 'registrar-ligacao-protocolo');

    await page.getByRole('link', { name: 'Ver o pedido' }).click();
    await page.getByRole('heading', { name: `Pedido ${protocol}` }).waitFor();
    // The phone team reads requests but does not change them.
    await expect(page.getByRole('form', { name: 'Mudar situação' }).count()).resolves.toBe(0);
    await page.getByText('Seu Joaquim').waitFor();
    await page.getByRole('link', { name: '← Pedidos' }).click();
    await page.getByRole('link', { name: protocol }).waitFor();
    // The typed address was registered at its quadra, so the place filter finds it.
    await page.getByLabel('Região').selectOption('Plano Diretor Norte');
    await page.getByText('Nenhum pedido com esses filtros.').waitFor();
    await page.getByLabel('Região').selectOption('Plano Diretor Sul');
    await page.getByLabel('Quadra ou setor').selectOption('106-sul');
    await page.getByRole('link', { name: protocol }).waitFor();
    expect(faults).toEqual([]);
  });
});
