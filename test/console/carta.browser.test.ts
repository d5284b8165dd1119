import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/attendants/users.js';
import { ManualClock } from '../../src/platform/clock.js';
import { ANSWER_BUTTONS, answerMessage, DETAILS_BUTTONS, detailsMessage } from '../../console/src/features/carta/answer-preview.js';
import type { CartaEntry } from '../../console/src/features/carta/carta-types.js';
import { callApi } from '../support/api.js';
import { cartaTestProfile } from '../support/carta-profile.js';
import { scriptedCitizen } from '../support/scripted-citizen.js';
import { signIn, TEST_PASSWORD } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';
import { CHROMIUM, hasChromium, launchChromium, openSignedIn, screenshot, TABLET, watchForFaults } from './support.js';

if (!hasChromium) console.log(`[skip] carta browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

// Monday 2026-11-30, 14:00 in Palmas.
const clock = new ManualClock('2026-11-30T17:00:00Z');
const TODAY = '2026-11-30';
const testApp = useTestApp({ clock, env: { CITY_CONFIG: cartaTestProfile() } });
const COORDINATOR = { email: 'lia.coord@palmas.to.gov.br', name: 'Lia Prado', role: 'coordinator' as const };
const ATTENDANT = { email: 'davi.central@palmas.to.gov.br', name: 'Davi Rocha', role: 'attendant' as const };

const asCoordinator = async () => signIn(testApp(), COORDINATOR.email, TEST_PASSWORD);
const entryOf = async (id: string): Promise<CartaEntry> => (await callApi(testApp().url, 'GET', `/api/carta/entries/${id}`, await asCoordinator())).body['entry'] as CartaEntry;
const searchOf = async (q: string) =>
  (await callApi(testApp().url, 'GET', `/api/carta/search?q=${encodeURIComponent(q)}`, await asCoordinator())).body as { decision: { kind: string; id: string | null } };

const preview = (page: Page) => page.getByRole('figure', { name: 'Prévia no WhatsApp' });

describe.skipIf(!hasChromium)('the Carta de Serviços in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    const { app } = testApp();
    for (const user of [COORDINATOR, ATTENDANT]) await createUser(app.storage.db, app.repos, { ...user, password: TEST_PASSWORD }, clock.now().getTime());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator rewrites an answer, watches the preview follow, saves it as reviewed, and the bot answers with the new words, as previewed', async () => {
    const entry = await entryOf('iptu-segunda-via');
    const question = 'como tiro a segunda via do iptu';
    expect((await searchOf(question)).decision).toMatchObject({ kind: 'entry', id: entry.id });
    const citizen = scriptedCitizen(testApp(), '5563999990901', 'Ana Lúcia');
    await citizen.declinesRegistration();
    // What the preview shows is what the bot sends: the body, then the buttons' titles.
    const asSent = (body: string, buttons: readonly string[]) => [body, ...buttons].join('\n');
    await expect(citizen.says(question, entry.answer.slice(0, 20))).resolves.toBe(asSent(answerMessage(entry, null), ANSWER_BUTTONS));

    const page = await openSignedIn(browser, { url: testApp().url, path: '/carta', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    await page.getByRole('table', { name: 'Entradas da Carta de Serviços' }).waitFor();
    await screenshot(page, 'carta-entradas');
    await page.getByLabel('Buscar').fill(entry.title.slice(0, 12));
    await page.getByRole('link', { name: entry.title, exact: true }).click();
    await page.getByRole('heading', { name: entry.title }).waitFor();
    await expect(page.getByRole('button', { name: 'Salvar', exact: true }).isDisabled()).resolves.toBe(true);

    await page.getByLabel('Resposta curta').fill(`${'Texto longo demais. '.repeat(36)}`);
    await page.getByText('719/700 — passou do limite').waitFor();
    await page.getByRole('button', { name: 'Salvar', exact: true }).click();
    await page.locator('.field--invalid .field__error').waitFor();
    await expect(page.getByLabel('Resposta curta').getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await entryOf(entry.id)).answer).toBe(entry.answer);

    const answer = 'Emita pelo *Portal do Cidadão*: escolha _Serviços_ e siga os passos.\nDúvidas? ~Ligue~ Escreva aqui.';
    await page.getByLabel('Resposta curta').fill(answer);
    await preview(page).locator('strong', { hasText: 'Portal do Cidadão' }).waitFor();
    await preview(page).locator('em', { hasText: 'Serviços' }).waitFor();
    await preview(page).locator('s', { hasText: 'Ligue' }).waitFor();
    await expect(preview(page).getByText('*Portal do Cidadão*').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Ver “Mais detalhes”' }).click();
    await preview(page).getByText('Como pedir').waitFor();
    await screenshot(page, 'carta-editor');

    await page.getByRole('button', { name: 'Salvar e marcar como revisada' }).click();
    await page.getByText('Salvo e marcado como revisado hoje').waitFor();
    const saved = await entryOf(entry.id);
    expect(saved.answer).toBe(answer);
    expect(saved.review.needed).toBe(false);
    expect(saved.lastReviewed).toBe(TODAY);

    await expect(citizen.says(question, 'Portal do Cidadão')).resolves.toBe(asSent(answer, ANSWER_BUTTONS));
    await expect(citizen.taps(`carta:more:${entry.id}`, 'Como pedir')).resolves.toBe(asSent(detailsMessage(saved), DETAILS_BUTTONS));

    await page.getByLabel('Pergunta do cidadão').fill(question);
    await page.getByRole('button', { name: 'Testar' }).click();
    await page.getByText('(esta entrada)').waitFor();
    await page.setViewportSize(TABLET);
    await screenshot(page, 'carta-editor-tablet');
    expect(faults).toEqual([]);
  });

  it('a question the Carta could not answer reaches the list, a coordinator teaches it to an entry, and the bot then answers it', async () => {
    const question = 'meu carnê da casa sumiu e agora?';
    const bia = scriptedCitizen(testApp(), '5563999990902', 'Bia Torres');
    await bia.declinesRegistration();
    await bia.says(question, 'Ainda não tenho essa informação');
    const caio = scriptedCitizen(testApp(), '5563999990903', 'Caio Reis');
    await caio.declinesRegistration();
    await caio.says('onde consigo a licença pra abrir minha loja', 'Falar com alguém');
    await caio.taps('carta:no:alvara-funcionamento', 'desculpe');

    const page = await openSignedIn(browser, { url: testApp().url, path: '/carta', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    await page.getByRole('region', { name: 'Sem resposta nesta semana' }).getByText('1', { exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Carta de Serviços' }).getByRole('link', { name: 'Perguntas sem resposta' }).click();
    const card = page.getByRole('article', { name: `Pergunta: ${question}` });
    await card.getByText('Sem resposta').waitFor();
    const unhelpful = page.getByRole('article', { name: 'Pergunta: onde consigo a licença pra abrir minha loja' });
    await unhelpful.getByText('Não era isso').waitFor();
    await unhelpful.getByText('o robô respondeu com Alvará de funcionamento').waitFor();
    await screenshot(page, 'carta-perguntas');

    await card.getByRole('button', { name: 'Responder com…' }).click();
    await card.getByLabel('Entrada que responde').selectOption('iptu-segunda-via');
    await expect(card.getByLabel(/Ensinar esta pergunta ao robô/).isChecked()).resolves.toBe(true);
    await screenshot(page, 'carta-perguntas-responder');
    await card.getByRole('button', { name: 'Resolver' }).click();
    await page.getByText(`O robô aprendeu “${question}” como Segunda via do IPTU.`).waitFor();
    await card.waitFor({ state: 'detached' });
    const iptu = await entryOf('iptu-segunda-via');
    expect(iptu.questions).toContain(question);

    await unhelpful.getByRole('button', { name: 'Ignorar' }).click();
    await page.getByText('Nenhuma pergunta pendente.').waitFor();
    await bia.says(question, iptu.answer.slice(0, 20));

    await page.goto(`${testApp().url}/carta/iptu-segunda-via`);
    await expect(page.getByLabel('Perguntas de treino').inputValue()).resolves.toContain(question);
    await page.getByLabel('Pergunta do cidadão').fill(question);
    await page.getByRole('button', { name: 'Testar' }).click();
    await page.getByText('(esta entrada)').waitFor();
    expect(faults).toEqual([]);
  });

  it('a coordinator creates an entry: the server refuses a wrong link beside its field, then the new entry opens in its editor', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/carta/nova', now: clock.now() }, COORDINATOR.email);
    const faults = watchForFaults(page);
    await page.getByLabel('Título').fill('Cartão do idoso no transporte');
    await expect(page.getByLabel('Identificador').inputValue()).resolves.toBe('cartao-do-idoso-no-transporte');
    await page.getByLabel('Categoria').selectOption('atendimento');
    await page.getByLabel('Quem presta o serviço').fill('Prefeitura de Palmas');
    await page.getByLabel('Resposta curta').fill('O *cartão do idoso* é pedido num _Resolve Palmas_, com documento com foto.');
    await preview(page).locator('strong', { hasText: 'cartão do idoso' }).waitFor();
    await page.getByLabel('Como pedir').fill('Vá a um Resolve Palmas\nLeve documento com foto');
    await page.getByLabel('Link oficial').fill('palmas.to.gov.br');
    await page.getByLabel('Perguntas de treino').fill('como tiro o cartão do idoso\ncarteirinha do idoso pro ônibus');
    await page.getByRole('button', { name: 'Criar entrada' }).click();
    await page.getByText('Deve ser um endereço http(s) completo', { exact: true }).waitFor();
    await expect(page.getByLabel('Link oficial').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'carta-nova');

    await page.getByLabel('Link oficial').fill('https://www.palmas.to.gov.br/');
    await page.getByRole('button', { name: 'Criar entrada' }).click();
    await page.getByRole('heading', { name: 'Cartão do idoso no transporte' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/carta/cartao-do-idoso-no-transporte');
    expect(await entryOf('cartao-do-idoso-no-transporte')).toMatchObject({ category: 'atendimento', howToAsk: ['Vá a um Resolve Palmas', 'Leve documento com foto'], review: { needed: true } });
    expect(faults).toEqual([]);
  });

  it('an attendant reads the Carta but cannot change it', async () => {
    const page = await openSignedIn(browser, { url: testApp().url, path: '/carta', now: clock.now() }, ATTENDANT.email);
    const faults = watchForFaults(page);
    await page.getByRole('table', { name: 'Entradas da Carta de Serviços' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Carta de Serviços' }).getByRole('link').allTextContents()).resolves.toEqual(['Entradas', 'Perguntas sem resposta']);
    await page.getByRole('link', { name: 'Perguntas sem resposta' }).click();
    await expect(page.getByRole('button', { name: 'Responder com…' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Entradas' }).click();
    await page.getByRole('table', { name: 'Entradas da Carta de Serviços' }).getByRole('link').first().click();
    await page.getByText('Somente a coordenação edita a Carta de Serviços.').waitFor();
    await expect(page.getByLabel('Resposta curta').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /Salvar/ }).count()).resolves.toBe(0);
    await preview(page).waitFor();
    await screenshot(page, 'carta-somente-leitura');
    expect(faults).toEqual([]);
  });
});
