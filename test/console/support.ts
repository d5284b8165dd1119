import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/sign-in.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Where to save screenshots of the console when set (a folder); nothing is saved otherwise. */
export const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS;

export const TABLET = { width: 768, height: 1024 };
export const DESKTOP = { width: 1280, height: 860 };

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=pt-BR'],
  });

/**
 * Collects what must never happen in the console: uncaught errors, server errors, and anything the Content Security
 * Policy blocks (which would mean the console does not work as served).
 */
export const watchForFaults = (page: Page): string[] => {
  const faults: string[] = [];
  page.on('pageerror', (error) => faults.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) faults.push(`${response.status()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) faults.push(`CSP: ${message.text()}`);
  });
  return faults;
};

export const screenshot = async (page: Page, name: string): Promise<void> => {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
};

/** A new page at `url + path`, the browser's clock fixed at `now`, signed in as `email` (password TEST_PASSWORD). */
export const openSignedIn = async (
  browser: Browser,
  at: { url: string; path: string; now: Date; viewport?: { width: number; height: number } },
  email: string,
): Promise<Page> => {
  const page = await browser.newPage({ viewport: at.viewport ?? DESKTOP, locale: 'pt-BR' });
  page.setDefaultTimeout(8_000);
  await page.clock.setFixedTime(at.now);
  await page.goto(`${at.url}${at.path}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Senha').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.getByRole('navigation', { name: 'Seções' }).waitFor();
  return page;
};
