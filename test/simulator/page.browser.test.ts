import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE_NUMBER_ID, startHarness, type Harness, type ReceivedWebhook } from './support.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`[skip] simulator page browser test: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);

/** A tiny scripted bot standing in for the app: answers each citizen message through the fake Graph. */
const runBot = (harness: Harness): void => {
  const reply = (to: string, body: Record<string, unknown>) =>
    harness.graph(`${PHONE_NUMBER_ID}/messages`, { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...body });
  const seen = new Set<string>();
  const onWebhook = async (webhook: ReceivedWebhook): Promise<void> => {
    const message = webhook.value.messages?.[0];
    if (!message || seen.has(message.id)) return;
    seen.add(message.id);
    await harness.graph(`${PHONE_NUMBER_ID}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: message.id });
    const interactive = message.interactive as { button_reply?: { id: string }; list_reply?: { id: string } } | undefined;
    if (message.type === 'text') {
      await reply(message.from, {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Olá! Sou o canal *oficial*. Como posso ajudar?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'servicos', title: 'Serviços' } }, { type: 'reply', reply: { id: 'humano', title: 'Falar com alguém' } }] },
        },
      });
    } else if (interactive?.button_reply?.id === 'servicos') {
      await reply(message.from, {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Escolha o serviço' },
          action: { button: 'Ver serviços', sections: [{ title: 'Zeladoria', rows: [{ id: 'tapa-buraco', title: 'Tapa-buraco', description: 'Buracos na via' }] }] },
        },
      });
    } else if (interactive?.list_reply?.id === 'tapa-buraco') {
      await reply(message.from, { type: 'interactive', interactive: { type: 'location_request_message', body: { text: 'Envie a localização do buraco' }, action: { name: 'send_location' } } });
    } else if (message.type === 'location') {
      await reply(message.from, { type: 'text', text: { body: 'Localização recebida, _obrigado_! Pode mandar uma foto?' } });
    } else if (message.type === 'image') {
      await reply(message.from, { type: 'text', text: { body: 'Foto recebida. Protocolo 2026-000123.' } });
    }
  };
  const poll = setInterval(() => {
    for (const webhook of harness.receiver.received) void onWebhook(webhook);
  }, 50);
  poll.unref();
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!hasChromium)('simulator page in Chromium', () => {
  let harness: Harness;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startHarness({ businessName: 'Prefeitura de Palmas' });
    runBot(harness);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('lets a newcomer chat: text, buttons, list, location, photo, with live replies and read ticks', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${harness.standalone.url}/simulador`);
    await expect(page.getByRole('heading', { name: 'Prefeitura de Palmas' }).textContent()).resolves.toBe('Prefeitura de Palmas');

    await page.getByLabel('Telefone (com DDI e DDD)').fill('+55 63 99876-5432');
    await page.getByLabel('Nome no WhatsApp').fill('Raimunda Lima');
    await page.getByRole('button', { name: 'Abrir conversa' }).click();

    await page.getByLabel('Mensagem', { exact: true }).fill('Oi, tem um buraco na minha rua');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Serviços' }).click();
    await page.getByRole('button', { name: '☰ Ver serviços' }).click();
    await page.getByLabel(/Tapa-buraco/).check();
    await page.locator('#list-form').getByRole('button', { name: 'Enviar' }).click();
    await page.locator('.choice', { hasText: 'Enviar localização' }).click();
    await page.getByLabel(/Praça dos Girassóis/).check();
    await page.locator('#location-form').getByRole('button', { name: 'Enviar localização' }).click();
    await page.locator('.msg.bot em', { hasText: 'obrigado' }).waitFor();

    await page.locator('#photo-input').setInputFiles({ name: 'buraco.png', mimeType: 'image/png', buffer: PNG });
    await page.getByLabel('Legenda (opcional)').fill('Buraco grande');
    await page.locator('#photo-form').getByRole('button', { name: 'Enviar foto' }).click();
    await page.locator('.msg.bot', { hasText: 'Protocolo 2026-000123' }).waitFor();
    await page.locator('.msg.mine .ticks.read').first().waitFor();
    const screenshots = process.env.SIMULATOR_SCREENSHOTS;
    if (screenshots) {
      await page.screenshot({ path: `${screenshots}/simulador-desktop.png` });
      await page.setViewportSize({ width: 390, height: 800 });
      await page.screenshot({ path: `${screenshots}/simulador-phone.png` });
    }

    const conversation = harness.standalone.simulator.conversation('5563998765432');
    const types = conversation?.messages.filter((m) => m.direction === 'in').map((m) => m.type);
    expect(types).toEqual(['text', 'interactive', 'interactive', 'location', 'image']);
    const image = harness.receiver.received.flatMap((w) => w.value.messages ?? []).find((m) => m.type === 'image');
    expect(image?.image).toMatchObject({ mime_type: 'image/png', caption: 'Buraco grande' });
    const location = harness.receiver.received.flatMap((w) => w.value.messages ?? []).find((m) => m.type === 'location');
    expect(location?.location).toMatchObject({ latitude: -10.1844, longitude: -48.3336, name: 'Praça dos Girassóis' });
    // The chat is open in the page, so bot messages are read on arrival, without `delivered`.
    expect(harness.receiver.statuses().some((s) => s.status === 'read')).toBe(true);
    expect(errors).toEqual([]);
  });
});
