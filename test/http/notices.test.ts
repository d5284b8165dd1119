import { describe, expect, it } from 'vitest';
import { publishBroadcastNotice } from '../../src/domain/notices/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { callApi } from '../support/api.js';
import { signInAs } from '../support/sign-in.js';
import { useTestApp } from '../support/test-app.js';

const clock = new ManualClock('2026-11-30T17:00:00Z');
const testApp = useTestApp({ clock, env: { PUBLIC_URL: 'https://whats.palmas.to.gov.br' } });

describe('the public Avisos page and feed', () => {
  it('publishes broadcasts once and notices by hand, shows them safely, filters by topic, and withdraws them', async () => {
    const { app } = testApp();
    const coordinator = await signInAs(testApp(), 'coordinator');
    const attendant = await signInAs(testApp(), 'attendant');
    const now = clock.now().getTime();
    await publishBroadcastNotice(app.storage.db, app.repos, { broadcastId: 7, title: 'Vacinação contra a gripe', body: 'Vacinação nas *UBS* até sexta. Veja https://www.palmas.to.gov.br/saude', topics: ['saude'] }, now);
    await publishBroadcastNotice(app.storage.db, app.repos, { broadcastId: 7, title: 'De novo', body: 'Não deve aparecer', topics: [] }, now + 1);
    clock.set('2026-11-30T18:00:00Z');
    const manual = await callApi(testApp().url, 'POST', '/api/notices', coordinator, { title: 'Interdição <script>alert(1)</script>', body: 'A ponte fecha _domingo_.', topics: ['obras-transito'] });
    expect(manual.status).toBe(201);
    expect((await callApi(testApp().url, 'POST', '/api/notices', coordinator, { title: 'X', body: 'curto', topics: [] })).status).toBe(400);
    expect((await callApi(testApp().url, 'POST', '/api/notices', coordinator, { title: 'Aviso válido', body: 'Texto do aviso', topics: ['loteria'] })).body).toMatchObject({ error: { message: 'Tema desconhecido: loteria.' } });
    expect((await callApi(testApp().url, 'POST', '/api/notices', attendant, { title: 'Aviso válido', body: 'Texto', topics: [] })).status).toBe(403);

    const page = await fetch(`${testApp().url}/avisos`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<h1>Avisos da Prefeitura de Palmas</h1>');
    expect(html).toContain('Vacinação nas <strong>UBS</strong> até sexta');
    expect(html).toContain('<a href="https://www.palmas.to.gov.br/saude" rel="noopener">');
    expect(html).toContain('Interdição &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A ponte fecha <em>domingo</em>.');
    expect(html).not.toContain('Não deve aparecer');
    expect(html.indexOf('Interdição')).toBeLessThan(html.indexOf('Vacinação contra a gripe'));
    const health = await (await fetch(`${testApp().url}/avisos?tema=saude`)).text();
    expect(health).toContain('Vacinação contra a gripe');
    expect(health).not.toContain('Interdição');

    const etag = page.headers.get('etag') ?? '';
    expect((await fetch(`${testApp().url}/avisos`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const feed = await (await fetch(`${testApp().url}/avisos/rss.xml`)).text();
    expect(feed).toContain('<rss version="2.0">');
    expect(feed).toContain('<language>pt-BR</language>');
    expect(feed).toContain('<link>https://whats.palmas.to.gov.br/avisos</link>');
    expect(feed).toMatch(/<guid isPermaLink="true">https:\/\/whats\.palmas\.to\.gov\.br\/avisos\/\d+<\/guid>/);
    expect(feed).toContain('<pubDate>Mon, 30 Nov 2026 17:00:00 GMT</pubDate>');
    expect(feed).toContain('Interdição &lt;script&gt;');
    expect(feed.match(/<item>/g)).toHaveLength(2);

    const id = (manual.body.notice as { id: number }).id;
    const permalink = await (await fetch(`${testApp().url}/avisos/${id}`)).text();
    expect(permalink).toContain(`<meta property="og:url" content="https://whats.palmas.to.gov.br/avisos/${id}">`);
    expect(permalink).toContain('<meta property="og:title" content="Interdição &lt;script&gt;alert(1)&lt;/script&gt;">');
    expect((await callApi(testApp().url, 'POST', `/api/notices/${id}/withdraw`, coordinator)).status).toBe(204);
    expect((await callApi(testApp().url, 'POST', `/api/notices/${id}/withdraw`, coordinator)).status).toBe(404);
    const gone = await fetch(`${testApp().url}/avisos/${id}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Este aviso foi retirado em 30 de novembro de 2026');
    expect((await fetch(`${testApp().url}/avisos/999999`)).status).toBe(404);
    expect(await (await fetch(`${testApp().url}/avisos`, { headers: { 'if-none-match': etag } })).text()).not.toContain('Interdição');
    const listed = (await callApi(testApp().url, 'GET', '/api/notices', coordinator)).body.notices as Array<{ id: number; withdrawn_at: string | null }>;
    expect(listed.find((n) => n.id === id)?.withdrawn_at).toBe('2026-11-30T18:00:00.000Z');
    const audit = (await callApi(testApp().url, 'GET', '/api/audit', await signInAs(testApp(), 'admin'))).body.entries as Array<{ action: string }>;
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['notice.published', 'notice.withdrawn']));
  });
});
