import { describe, expect, it } from 'vitest';
import { callApi } from '../support/api.js';
import { cartaTestProfile } from '../support/carta-profile.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp({ env: { CITY_CONFIG: cartaTestProfile() } });
const page = async (path: string) => {
  const response = await fetch(`${testApp().url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
};

describe('the public Carta de Serviços pages', () => {
  it('lists the categories with a labelled search form, the law and the review note, without sign-in or script', async () => {
    const { status, type, html } = await page('/carta-de-servicos');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toMatch(/<label for="q">[^<]+<\/label>\s*<input id="q" name="q"/);
    expect(html).toContain('Lei federal nº 13.460/2017');
    expect(html).toContain('<h2>Impostos e taxas</h2>');
    expect(html).toContain('href="/carta-de-servicos/iptu-segunda-via"');
    expect(html).not.toContain('<script');
  });

  it('finds an entry by a query without accents', async () => {
    const { html } = await page(`/carta-de-servicos?q=${encodeURIComponent('vacinacao do meu filho')}`);
    expect(html).toMatch(/Resultados para[^<]*vacinacao do meu filho[^<]*<\/h2>\s*<ul><li><a href="\/carta-de-servicos\/vacinacao">/);
    const none = await page('/carta-de-servicos?q=xyzzy');
    expect(none.html).toContain('Nenhum serviço encontrado');
  });

  it('shows an entry with its facts, what is unknown, the review mark and date, and 404 for an unknown one', async () => {
    const { html } = await page('/carta-de-servicos/alvara-funcionamento');
    expect(html).toContain('<h1>Alvará de funcionamento</h1>');
    expect(html).toContain('<strong>A confirmar:</strong>');
    expect(html).toContain('Não informado. Confirme o custo');
    expect(html).toContain('Última revisão: <time datetime="2026-11-29">29 de novembro de 2026</time>');
    expect((await page('/carta-de-servicos/nao-existe')).status).toBe(404);
  });

  it('escapes whatever a coordinator writes', async () => {
    const coordinator = await signInAs(testApp(), 'coordinator');
    const { entry } = (await callApi(testApp().url, 'GET', '/api/carta/entries/ouvidoria', coordinator)).body as { entry: Record<string, unknown> };
    const { id: _id, ...fields } = entry;
    const saved = await callApi(testApp().url, 'PUT', '/api/carta/entries/ouvidoria', coordinator, { ...fields, title: 'Ouvidoria <script>alert(1)</script>', requirements: ['<img src=x onerror=alert(1)>'] });
    expect(saved.status).toBe(200);
    const { html } = await page('/carta-de-servicos/ouvidoria');
    expect(html).toContain('Ouvidoria &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
  });
});
