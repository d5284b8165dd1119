import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, DESKTOP, hasChromium, launchChromium, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] inbox browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas: attendance is open.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

const ATTENDANT = { email: 'rui.central@palmas.to.gov.br', name: 'Rui Costa', role: 'attendant' as const };

describe.skipIf(!hasChromium)('the Atendimento screen in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    await createUser(app.storage.db, app.repos, { ...ATTENDANT, password: TEST_PASSWORD }, clock.now().getTime(), app.config.city.departments);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('takes a waiting citizen, answers with Enter, and shows their next message without reloading', async () => {
    const minute = 60_000;
    const bia = scriptedCitizen(testApp(), '5563999990801', 'Bia Souza');
    await bia.says('oi', 'LGPD');
    clock.advance(minute);
    await bia.taps('consent:no', 'Como posso ajudar');
    clock.advance(minute);
    await bia.says('quero falar com um atendente', 'equipe de atendimento');
    clock.advance(4 * minute);
    const caio = scriptedCitizen(testApp(), '5563999990802', 'Caio Mendes');
    await caio.declinesRegistration();
    await caio.says('atendente', 'equipe de atendimento');
    clock.advance(8 * minute);
    const simulator = testApp().app.simulator;
    if (!simulator) throw new Error('simulator mode expected');

    const page = await browser.newPage({ viewport: DESKTOP, locale: 'pt-BR' });
    const faults = watchForFaults(page);
    // The browser reads the server's time, so waiting times count from the test's clock.
    await page.clock.setFixedTime(clock.now());
    await page.goto(`${testApp().url}/atendimento`);
    await page.getByLabel('E-mail').fill(ATTENDANT.email);
    await page.getByLabel('Senha').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('navigation', { name: 'Seções' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Seções' }).getByRole('link').allTextContents()).resolves.toEqual(['Painel', 'Atendimento', 'Configurações']);

    const waiting = page.getByRole('region', { name: 'Aguardando' });
    await expect(waiting.getByRole('link', { name: /Bia Souza/ }).innerText()).resolves.toMatch(/há 12 min/);
    await expect(waiting.getByRole('link').allInnerTexts()).resolves.toEqual([expect.stringMatching(/^Bia Souza/), expect.stringMatching(/^Caio Mendes/)]);
    await waiting.getByRole('link', { name: /Bia Souza/ }).click();
    const conversation = page.getByRole('region', { name: 'Conversa com Bia Souza' });
    await conversation.getByText('quero falar com um atendente').waitFor();
    const reply = conversation.getByLabel('Resposta ao cidadão', { exact: true });
    await expect(reply.isDisabled()).resolves.toBe(true);

    await conversation.getByRole('button', { name: 'Assumir' }).click();
    await page.getByRole('region', { name: 'Em atendimento' }).getByRole('link', { name: /Bia Souza/ }).waitFor();
    await expect(conversation.getByText('Em atendimento com você').isVisible()).resolves.toBe(true);
    clock.advance(minute);
    await reply.fill('Olá, Bia! Em que posso ajudar?');
    await reply.press('Enter');
    const answer = await simulator.waitForOutbound(bia.phone, (m) => outboundText(m).includes('Em que posso ajudar?'));
    expect(outboundText(answer)).toContain('*Rui, Prefeitura de Palmas:*');
    await expect(reply.inputValue()).resolves.toBe('');
    await conversation.locator('.bubble--mine').getByText('Olá, Bia! Em que posso ajudar?').waitFor();

    clock.advance(minute);
    // The citizen writes again: the live event brings it to the open conversation, no reload.
    await simulator.sendText(bia.phone, 'Bia Souza', 'O poste da minha rua está apagado há uma semana').acknowledged;
    await conversation.getByText('O poste da minha rua está apagado há uma semana').waitFor({ timeout: 5_000 });

    // Shift+Enter breaks the line instead of sending.
    await reply.fill('Qual o endereço?');
    await reply.press('Shift+Enter');
    await expect(reply.inputValue()).resolves.toBe('Qual o endereço?\n');

    await conversation.getByRole('button', { name: 'Respostas prontas' }).click();
    await expect(conversation.getByRole('region', { name: 'Respostas prontas' }).getByRole('button').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'atendimento-respostas-prontas');
    await conversation.getByRole('button', { name: 'Respostas prontas' }).click();
    await screenshot(page, 'atendimento');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'atendimento-tablet');
    expect(faults).toEqual([]);
  });
});
