import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CityProfile } from '../../config/city-profile.js';
import { toNotice, type Notice } from '../../domain/notices/index.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { escapeHtml, publicPage, textToHtml } from './html.js';

export interface NoticesPageDeps {
  db: Db;
  repos: Repositories;
  city: Pick<CityProfile, 'name' | 'channelName' | 'timezone' | 'broadcastTopics'>;
  /** PUBLIC_URL, for absolute links in the feed; else the request's own address. */
  publicUrl: string | undefined;
}

const PAGE = 20;
const FEED_ITEMS = 50;

const baseUrl = (deps: NoticesPageDeps, request: FastifyRequest): string => (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');

const longDate = (at: number, timezone: string): string =>
  new Intl.DateTimeFormat('pt-BR', { timeZone: timezone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(at));

/** 304 when the browser (or a feed reader) already has the newest version; the page changes only with notices. */
const notModified = async (deps: NoticesPageDeps, request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
  const changed = (await deps.repos.notices.lastChange(deps.db)) ?? 0;
  const etag = `W/"avisos-${changed}"`;
  reply.header('etag', etag).header('last-modified', new Date(changed || Date.UTC(2021, 9, 1)).toUTCString()).header('cache-control', 'public, max-age=60');
  if (request.headers['if-none-match'] === etag) {
    await reply.status(304).send();
    return true;
  }
  return false;
};

const topicTitles = (deps: NoticesPageDeps, ids: readonly string[]) => deps.city.broadcastTopics.filter((t) => ids.includes(t.id)).map((t) => t.title);

const article = (deps: NoticesPageDeps, notice: Notice, heading: 'h1' | 'h2'): string => {
  const topics = topicTitles(deps, notice.topics);
  const title = heading === 'h2' ? `<a href="/avisos/${notice.id}">${escapeHtml(notice.title)}</a>` : escapeHtml(notice.title);
  return `<article>
<${heading}>${title}</${heading}>
<p class="meta"><time datetime="${new Date(notice.publishedAt).toISOString()}">${escapeHtml(longDate(notice.publishedAt, deps.city.timezone))}</time>${topics.length > 0 ? ` · ${escapeHtml(topics.join(', '))}` : ''}</p>
${textToHtml(notice.body)}
</article>`;
};

const siteName = (deps: NoticesPageDeps) => `${deps.city.name} · ${deps.city.channelName}`;
const feedLink = '<link rel="alternate" type="application/rss+xml" title="Avisos da Prefeitura" href="/avisos/rss.xml">';

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The public "Avisos" page and its RSS feed: every broadcast is published here too, since WhatsApp Status cannot be
 * posted through the Cloud API. No sign-in, no script, no personal data.
 */
export const registerNoticesPages = (app: FastifyInstance, deps: NoticesPageDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const title = `Avisos da ${deps.city.name}`;

  api.get('/avisos', { schema: { hide: true, querystring: z.object({ tema: z.string().max(60).optional(), antes: z.coerce.number().int().positive().optional() }) } }, async (request, reply) => {
    if (await notModified(deps, request, reply)) return reply;
    const { tema, antes } = request.query;
    const rows = await deps.repos.notices.published(deps.db, { topic: tema, beforeId: antes, limit: PAGE + 1 });
    const notices = rows.slice(0, PAGE).map(toNotice);
    const topicsNav = `<nav class="topics" aria-label="Temas"><a href="/avisos"${tema ? '' : ' aria-current="page"'}>Todos</a>${deps.city.broadcastTopics
      .map((t) => `<a href="/avisos?tema=${encodeURIComponent(t.id)}"${tema === t.id ? ' aria-current="page"' : ''}>${escapeHtml(t.title)}</a>`)
      .join('')}</nav>`;
    const older = rows.length > PAGE && notices.at(-1) ? `<p><a href="/avisos?${tema ? `tema=${encodeURIComponent(tema)}&amp;` : ''}antes=${notices.at(-1)?.id}">Avisos anteriores</a></p>` : '';
    const list = notices.length > 0 ? notices.map((n) => article(deps, n, 'h2')).join('\n') : '<p>Nenhum aviso publicado por enquanto.</p>';
    const body = `<h1>${escapeHtml(title)}</h1>
<p>Os avisos que a Prefeitura envia pelo ${escapeHtml(deps.city.channelName)} a quem aceitou recebê-los. Para receber no WhatsApp, envie <strong>AVISOS</strong>. <a href="/avisos/rss.xml">Assine pelo RSS</a>.</p>
${topicsNav}
${list}
${older}`;
    return reply.header('content-type', 'text/html; charset=utf-8').send(publicPage({ title, site: siteName(deps), body, head: feedLink }));
  });

  api.get('/avisos/rss.xml', { schema: { hide: true } }, async (request, reply) => {
    if (await notModified(deps, request, reply)) return reply;
    const base = baseUrl(deps, request);
    const notices = (await deps.repos.notices.published(deps.db, { limit: FEED_ITEMS })).map(toNotice);
    const items = notices
      .map((n) => `<item>
<title>${xml(n.title)}</title>
<link>${base}/avisos/${n.id}</link>
<guid isPermaLink="true">${base}/avisos/${n.id}</guid>
<pubDate>${new Date(n.publishedAt).toUTCString()}</pubDate>
${topicTitles(deps, n.topics).map((t) => `<category>${xml(t)}</category>`).join('')}
<description>${xml(n.body)}</description>
</item>`)
      .join('\n');
    const feed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${xml(title)}</title>
<link>${base}/avisos</link>
<description>${xml(`Avisos enviados pelo ${deps.city.channelName}`)}</description>
<language>pt-BR</language>
${items}
</channel>
</rss>
`;
    return reply.header('content-type', 'application/rss+xml; charset=utf-8').send(feed);
  });

  api.get('/avisos/:id', { schema: { hide: true, params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request, reply) => {
    const row = await deps.repos.notices.byId(deps.db, request.params.id);
    if (!row || row.withdrawn_at !== null) {
      // Gone, not missing: a link shared on WhatsApp to a withdrawn notice says so.
      const [status, title, text] = row ? [410, 'Aviso retirado', `Este aviso foi retirado em ${longDate(Number(row.withdrawn_at), deps.city.timezone)}.`] : [404, 'Aviso não encontrado', 'Este aviso não existe.'];
      const body = `<h1>${title}</h1><p>${escapeHtml(text)} <a href="/avisos">Ver todos os avisos</a>.</p>`;
      return reply.status(status).header('content-type', 'text/html; charset=utf-8').send(publicPage({ title, site: siteName(deps), body }));
    }
    const notice = toNotice(row);
    const body = `${article(deps, notice, 'h1')}\n<p><a href="/avisos">Todos os avisos</a></p>`;
    const url = `${baseUrl(deps, request)}/avisos/${notice.id}`;
    // What WhatsApp and other apps show when the link is shared: the title and the first words.
    const preview = [
      `<meta property="og:type" content="article">`,
      `<meta property="og:title" content="${escapeHtml(notice.title)}">`,
      `<meta property="og:description" content="${escapeHtml(notice.body.replace(/[*_~]/g, '').slice(0, 200))}">`,
      `<meta property="og:url" content="${escapeHtml(url)}">`,
      `<meta property="og:site_name" content="${escapeHtml(siteName(deps))}">`,
    ].join('\n');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(publicPage({ title: notice.title, site: siteName(deps), body, head: `${feedLink}\n${preview}` }));
  });
};
