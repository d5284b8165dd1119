import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundText } from '../../src/channels/simulator/index.js';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { tinyPng } from '../support/images.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, DESKTOP, hasChromium, launchChromium, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] inbox browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas: attendance is open.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock });

const ATTENDANT = { email: 'rui.central@palmas.to.gov.br', name: 'Rui Costa', role: 'attendant' as const };
const COORDINATOR = { email: 'sara.coord@palmas.to.gov.br', name: 'Sara Lima', role: 'coordinator' as const };
const ZELADORIA = { email: 'tom.zeladoria@palmas.to.gov.br', name: 'Tom Alves', role: 'attendant' as const, departmentId: 'zeladoria-urbana' };
const MINUTE = 60_000;

const simulatorOf = () => {
  const simulator = testApp().app.simulator;
  if (!simulator) throw new Error('simulator mode expected');
  return simulator;
};

const signInPage = async (page: Page, email: string): Promise<void> => {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation', { name: 'Seções' }).waitFor();
};

/** A citizen who skipped registration and asked for a person about a street light (Seihab's queue). */
const waitingAboutStreetLight = async (phone: string, name: string) => {
  const citizen = scriptedCitizen(testApp(), phone, name);
  await citizen.asksForPersonAboutStreetLight();
  return citizen;
};

describe.skipIf(!hasChromium)('the Atendimento screen in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    for (const user of [ATTENDANT, COORDINATOR, ZELADORIA]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, clock.now().getTime(), app.config.city.departments);
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
    await expect(page.getByRole('navigation', { name: 'Seções' }).getByRole('link').allTextContents()).resolves.toEqual(['Painel', 'Atendimento', 'Cidadãos', 'Pedidos', 'Registrar ligação', 'Carta de Serviços', 'Configurações']);

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
    // The ready answers load when the picker opens: wait for the first before counting.
    const readyAnswers = conversation.getByRole('region', { name: 'Respostas prontas' }).getByRole('button');
    await readyAnswers.first().waitFor();
    await expect(readyAnswers.count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'atendimento-respostas-prontas');
    await conversation.getByRole('button', { name: 'Respostas prontas' }).click();
    await screenshot(page, 'atendimento');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'atendimento-tablet');
    expect(faults).toEqual([]);
  });

  it('shows the photo and place the citizen sent, keeps notes internal, and transfers them to another department', async () => {
    clock.set('2026-11-30T17:30:00Z');
    const simulator = simulatorOf();
    const dani = await waitingAboutStreetLight('5563999990811', 'Dani Rocha');
    await simulator.sendImage(dani.phone, 'Dani Rocha', { bytes: tinyPng(), mimeType: 'image/png', caption: 'o poste apagado' }).acknowledged;
    await simulator.sendLocation(dani.phone, 'Dani Rocha', { latitude: -10.1844, longitude: -48.3336, name: 'Praça dos Girassóis' }).acknowledged;

    const page = await browser.newPage({ viewport: DESKTOP, locale: 'pt-BR' });
    const faults = watchForFaults(page);
    await page.clock.setFixedTime(clock.now());
    await page.goto(`${testApp().url}/atendimento`);
    page.setDefaultTimeout(8_000);
    await signInPage(page, COORDINATOR.email);
    await page.getByRole('region', { name: 'Aguardando' }).getByRole('link', { name: /Dani Rocha/ }).click();
    const conversation = page.getByRole('region', { name: 'Conversa com Dani Rocha' });
    // The photo is drawn from the console's media route (once the media job has stored it).
    const image = conversation.getByRole('img', { name: 'o poste apagado' });
    await image.scrollIntoViewIfNeeded();
    const drawnWidth = () => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    await expect.poll(async () => (await drawnWidth()) || (await page.reload(), await image.scrollIntoViewIfNeeded(), drawnWidth()), { timeout: 10_000 }).toBe(1);
    await expect(conversation.getByRole('link', { name: /-10,18440, -48,33360/ }).getAttribute('href')).resolves.toContain('openstreetmap.org');
    await expect(conversation.getByText('Praça dos Girassóis').isVisible()).resolves.toBe(true);

    await conversation.getByRole('button', { name: 'Assumir' }).click();
    await conversation.getByText('Em atendimento com você').waitFor();
    clock.advance(MINUTE);
    await conversation.getByRole('button', { name: 'Nota interna' }).click();
    const note = conversation.getByLabel('Nota interna', { exact: true });
    await note.fill('Poste da praça: conferir com a equipe da noite.');
    await note.press('Enter');
    await conversation.locator('.note').getByText('Poste da praça: conferir com a equipe da noite.').waitFor();
    await screenshot(page, 'atendimento-foto-local-nota');

    // The coordinator hands Dani to Rui, who attends every queue.
    await conversation.getByRole('button', { name: 'Passar para…' }).click();
    const handOver = conversation.getByRole('form', { name: 'Passar atendimento' });
    await handOver.getByLabel('Passar para').selectOption({ label: ATTENDANT.name });
    await handOver.getByRole('button', { name: 'Passar' }).click();
    await conversation.getByText(`Em atendimento com ${ATTENDANT.name}`).waitFor();

    await conversation.getByRole('button', { name: 'Transferir' }).click();
    const transfer = conversation.getByRole('form', { name: 'Transferir atendimento' });
    await transfer.getByLabel('Transferir para').selectOption('zeladoria-urbana');
    await transfer.getByRole('button', { name: 'Transferir' }).click();
    const told = await simulator.waitForOutbound(dani.phone, (m) => outboundText(m).includes('encaminhada'));
    expect(outboundText(told)).toContain('Zeladoria Urbana');
    expect(JSON.stringify(simulator.conversation(dani.phone)?.messages)).not.toContain('equipe da noite');

    // Zeladoria's attendant now has Dani waiting, with the whole history and the note.
    const zeladoria = await browser.newPage({ viewport: DESKTOP, locale: 'pt-BR' });
    const zeladoriaFaults = watchForFaults(zeladoria);
    zeladoria.setDefaultTimeout(8_000);
    await zeladoria.clock.setFixedTime(clock.now());
    await zeladoria.goto(`${testApp().url}/atendimento`);
    await signInPage(zeladoria, ZELADORIA.email);
    await zeladoria.getByRole('region', { name: 'Aguardando' }).getByRole('link', { name: /Dani Rocha/ }).click();
    const received = zeladoria.getByRole('region', { name: 'Conversa com Dani Rocha' });
    await received.getByText('Poste da praça: conferir com a equipe da noite.').waitFor();
    await received.getByText(/Sara Lima transferiu para .*Zeladoria Urbana/).waitFor();
    expect([...faults, ...zeladoriaFaults]).toEqual([]);
  });

  it('after 24 hours of silence offers only the approved template, then closes the attendance back to the bot', async () => {
    clock.set('2026-11-30T18:00:00Z');
    const simulator = simulatorOf();
    const eva = await waitingAboutStreetLight('5563999990812', 'Eva Prado');
    const page = await browser.newPage({ viewport: DESKTOP, locale: 'pt-BR' });
    const faults = watchForFaults(page);
    await page.clock.setFixedTime(clock.now());
    await page.goto(`${testApp().url}/atendimento`);
    await signInPage(page, ATTENDANT.email);
    await page.getByRole('region', { name: 'Aguardando' }).getByRole('link', { name: /Eva Prado/ }).click();
    await page.getByRole('region', { name: 'Conversa com Eva Prado' }).getByRole('button', { name: 'Assumir' }).click();
    await page.getByText('Em atendimento com você').waitFor();

    // A day later (Tuesday, 15:10): the session ended too, so the attendant signs in again.
    clock.advance(25 * 60 * MINUTE + 10 * MINUTE);
    await page.clock.setFixedTime(clock.now());
    await page.reload();
    await signInPage(page, ATTENDANT.email);
    await page.getByRole('region', { name: 'Em atendimento' }).getByRole('link', { name: /Eva Prado/ }).click();
    const conversation = page.getByRole('region', { name: 'Conversa com Eva Prado' });
    const paused = conversation.getByRole('region', { name: 'Conversa fora da janela de 24 horas' });
    await paused.waitFor();
    await expect(conversation.getByLabel('Resposta ao cidadão', { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'atendimento-janela-fechada');
    await paused.getByRole('button', { name: 'Retomar conversa' }).click();
    const template = await simulator.waitForOutbound(eva.phone, (m) => m.type === 'template');
    expect(outboundText(template)).toContain('retomar_atendimento');

    // Eva answers: the window opens again, live, and the attendant closes the attendance.
    await simulator.sendText(eva.phone, 'Eva Prado', 'Oi, o poste continua apagado').acknowledged;
    await conversation.getByLabel('Resposta ao cidadão', { exact: true }).waitFor({ timeout: 5_000 });
    await conversation.getByRole('button', { name: 'Encerrar' }).click();
    await conversation.getByRole('region', { name: 'Encerrar atendimento' }).getByRole('button', { name: 'Sim, encerrar' }).click();
    await simulator.waitForOutbound(eva.phone, (m) => outboundText(m).includes('Atendimento encerrado'));
    await page.getByRole('region', { name: 'Em atendimento' }).getByRole('link', { name: /Eva Prado/ }).waitFor({ state: 'detached' });
    // The bot answers her again.
    await eva.says('oi', 'Como posso ajudar');
    expect(faults).toEqual([]);
  });
});
