import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/platform/paths.js';
import { startTestApp, useTestApp } from '../support/test-app.js';

// The vitest global set-up (build-console.global.ts) builds the console when it is missing.
const hashedScript = (): string => {
  const script = readdirSync(fromRoot('dist', 'console', 'assets')).find((name) => /^index-[\w-]+\.js$/.test(name));
  if (!script) throw new Error('no built console script in dist/console/assets');
  return script;
};

describe('the console served at /', () => {
  const testApp = useTestApp();

  it('serves index.html at / and at the console\'s own paths, always revalidated, under the CSP', async () => {
    for (const path of ['/', '/configuracoes/fechamentos', '/pedidos/2026-000123?aba=historico']) {
      const response = await fetch(`${testApp().url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root"></div>');
      const csp = response.headers.get('content-security-policy') ?? '';
      // No inline script anywhere: an injected one would not run.
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/img-src [^;]*https:\/\/tile\.openstreetmap\.org/);
      // Plain-http intranets must keep working: nothing is upgraded unless cookies are marked secure (HTTPS).
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('caches hashed assets for a year, and answers 404 for missing files instead of the page', async () => {
    const script = await fetch(`${testApp().url}/assets/${hashedScript()}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await script.text()).length).toBeGreaterThan(1000);
    for (const path of ['/assets/index-nao-existe.js', '/logo.png']) {
      const missing = await fetch(`${testApp().url}${path}`);
      expect(missing.status, path).toBe(404);
      expect(await missing.text()).not.toContain('<div id="root">');
    }
  });

  it('leaves the server\'s own paths alone: unknown API paths are JSON 404s, health and the simulator answer as before', async () => {
    const api = await fetch(`${testApp().url}/api/nao-existe`);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: 'not_found', message: 'Endereço não encontrado.' } });
    for (const path of ['/open311/v2/nao-existe.json', '/webhooks/nao-existe', '/metrics/x']) expect((await fetch(`${testApp().url}${path}`)).status, path).toBe(404);
    expect(await (await fetch(`${testApp().url}/healthz`)).text()).not.toContain('<div id="root">');
    expect(await (await fetch(`${testApp().url}/simulador`)).text()).not.toContain('<div id="root">');
  });

  it('tells the console the city, the catalog\'s words, the simulator and the map tiles before anyone signs in', async () => {
    const response = await fetch(`${testApp().url}/api/config`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as Record<string, unknown> & { services: unknown[]; statuses: unknown[] };
    expect(config).toMatchObject({
      city: { name: 'Prefeitura de Palmas', channel_name: 'Whats Palmas', timezone: 'America/Araguaina' },
      simulator: true,
      map: { tile_url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' },
    });
    expect(config.services).toContainEqual({ code: 'tapa-buraco', name: 'Tapa-buraco', department_id: 'zeladoria-urbana', kind: 'request' });
    expect(config.statuses).toContainEqual({ code: 'em_analise', label: 'Em análise', next: expect.arrayContaining(['encaminhado', 'concluido']) });
  });
});

describe('the console with other settings', () => {
  it('says in Portuguese how to build the console when it is not built, and keeps serving the API', async () => {
    const testApp = await startTestApp({ env: { CONSOLE_DIR: mkdtempSync(join(tmpdir(), 'wp-no-console-')) } });
    try {
      for (const path of ['/', '/configuracoes']) {
        const page = await fetch(`${testApp.url}${path}`);
        expect(page.status, path).toBe(503);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const html = await page.text();
        expect(html).toContain('O console de atendimento ainda não foi compilado');
        expect(html).toContain('npm run build');
      }
      expect((await fetch(`${testApp.url}/assets/index.js`)).status).toBe(404);
      expect((await fetch(`${testApp.url}/api/config`)).status).toBe(200);
    } finally {
      await testApp.close();
    }
  });

  it('drops the tiles when MAP_TILE_URL is empty, allows a tile host with subdomains, and upgrades requests behind HTTPS', async () => {
    const noTiles = await startTestApp({ env: { MAP_TILE_URL: '' } });
    try {
      expect(((await (await fetch(`${noTiles.url}/api/config`)).json()) as { map: unknown }).map).toBeNull();
      expect((await fetch(noTiles.url)).headers.get('content-security-policy')).not.toContain('openstreetmap');
    } finally {
      await noTiles.close();
    }
    const ownTiles = await startTestApp({ env: { MAP_TILE_URL: 'https://{s}.tiles.palmas.to.gov.br/{z}/{x}/{y}.png', COOKIE_SECURE: '1' } });
    try {
      const csp = (await fetch(ownTiles.url)).headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/img-src [^;]*https:\/\/a\.tiles\.palmas\.to\.gov\.br https:\/\/b\.tiles\.palmas\.to\.gov\.br https:\/\/c\.tiles\.palmas\.to\.gov\.br/);
      expect(csp).toContain('upgrade-insecure-requests');
    } finally {
      await ownTiles.close();
    }
  });
});
