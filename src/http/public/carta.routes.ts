import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CityProfile } from '../../config/city-profile.js';
import type { CartaEntry, LiveCarta } from '../../domain/carta/index.js';
import { escapeHtml, publicPage, textToHtml } from './html.js';

export interface CartaPagesDeps {
  live: LiveCarta;
  city: Pick<CityProfile, 'name' | 'channelName'>;
}

const TITLE = 'Carta de Serviços';
const LAW = 'Esta Carta de Serviços atende à Lei federal nº 13.460/2017, que garante ao usuário informação clara sobre os serviços públicos: o que são, como pedir, prazos, custos e onde ser atendido.';
const REVIEW_NOTE = 'Itens marcados "a confirmar" ainda não foram conferidos com a secretaria responsável: confirme antes de ir ou de pagar.';

const longDate = (isoDay: string): string => {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new Intl.DateTimeFormat('pt-BR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year ?? 2000, (month ?? 1) - 1, day ?? 1)));
};

const siteName = (deps: CartaPagesDeps) => `${deps.city.name} · ${deps.city.channelName}`;
const entryLink = (entry: Pick<CartaEntry, 'id' | 'title'>) => `<a href="/carta-de-servicos/${encodeURIComponent(entry.id)}">${escapeHtml(entry.title)}</a>`;

const searchForm = (q: string) => `<form method="get" action="/carta-de-servicos" role="search">
<label for="q">Buscar um serviço</label>
<input id="q" name="q" type="search" value="${escapeHtml(q)}" maxlength="200" style="display:block;width:100%;max-width:28rem;padding:0.5rem;font-size:1rem;margin:0.25rem 0 0.5rem">
<button type="submit" style="padding:0.5rem 1rem;font-size:1rem">Buscar</button>
</form>`;

const send = (reply: { header(k: string, v: string): unknown; status(code: number): unknown; send(body: string): unknown }, html: string, status = 200) => {
  reply.header('content-type', 'text/html; charset=utf-8');
  reply.header('cache-control', 'public, max-age=60');
  reply.status(status);
  return reply.send(html);
};

const section = (heading: string, content: string) => `<h2>${heading}</h2>\n${content}`;
const list = (items: readonly string[], ordered = false) => `<${ordered ? 'ol' : 'ul'}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`;
const unknownText = (what: string) => `<p>Não informado. Confirme ${what} com a Prefeitura antes de ir.</p>`;
const known = (value: string | null, what: string) => (value ? `<p>${escapeHtml(value)}</p>` : unknownText(what));

const entryBody = (deps: CartaPagesDeps, entry: CartaEntry): string => {
  const category = deps.live.carta.categories.find((c) => c.id === entry.category)?.title ?? entry.category;
  const review = entry.review.needed
    ? `<p role="note"><strong>A confirmar:</strong> ${escapeHtml(entry.review.note || REVIEW_NOTE)}</p>`
    : '';
  return `<article>
<h1>${escapeHtml(entry.title)}</h1>
<p class="meta">${escapeHtml(category)} · ${escapeHtml(entry.provider)}</p>
${review}
${textToHtml(entry.answer)}
</article>
${section('O que é preciso', entry.requirements.length > 0 ? list(entry.requirements) : '<p>Nenhum requisito informado.</p>')}
${section('Como pedir', list(entry.howToAsk, true))}
${section('Prazo', known(entry.deadline, 'o prazo'))}
${section('Custo', known(entry.cost, 'o custo'))}
${section('Onde', known(entry.where, 'o local'))}
${section('Quando', known(entry.when, 'o horário'))}
${entry.phones.length > 0 ? section('Telefones', list(entry.phones)) : ''}
${entry.officialUrl ? section('Página oficial', `<p><a href="${escapeHtml(entry.officialUrl)}" rel="noopener">${escapeHtml(entry.officialUrl)}</a></p>`) : ''}
<footer>
<p>Última revisão: <time datetime="${escapeHtml(entry.lastReviewed)}">${escapeHtml(longDate(entry.lastReviewed))}</time>.</p>
<p>${escapeHtml(LAW)}</p>
<p><a href="/carta-de-servicos">Todos os serviços</a></p>
</footer>`;
};

const indexBody = (deps: CartaPagesDeps, q: string): string => {
  const { categories, entries } = deps.live.carta;
  const hits = q ? deps.live.search.search(q, 10) : [];
  const results = q
    ? section(`Resultados para “${escapeHtml(q)}”`, hits.length > 0 ? `<ul>${hits.map((h) => `<li>${entryLink(h)}</li>`).join('')}</ul>` : '<p>Nenhum serviço encontrado. Tente outras palavras ou fale com a Prefeitura pelo WhatsApp.</p>')
    : '';
  const byCategory = categories
    .map((c) => ({ category: c, members: entries.filter((e) => e.category === c.id) }))
    .filter(({ members }) => members.length > 0)
    .map(({ category, members }) => section(escapeHtml(category.title), `<ul>${members.map((e) => `<li>${entryLink(e)}${e.review.needed ? ' <small>(a confirmar)</small>' : ''}</li>`).join('')}</ul>`))
    .join('\n');
  return `<h1>${TITLE}</h1>
<p>${escapeHtml(LAW)}</p>
<p>${escapeHtml(REVIEW_NOTE)}</p>
${searchForm(q)}
${results}
${byCategory || '<p>Nenhum serviço publicado por enquanto.</p>'}`;
};

/** The public Carta de Serviços: the same entries the bot answers with, coordinators' edits included. No script. */
export const registerCartaPages = (app: FastifyInstance, deps: CartaPagesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/carta-de-servicos', { schema: { hide: true, querystring: z.object({ q: z.string().max(200).optional() }) } }, async (request, reply) => {
    const q = (request.query.q ?? '').trim();
    return send(reply, publicPage({ title: TITLE, site: siteName(deps), body: indexBody(deps, q) }));
  });

  api.get('/carta-de-servicos/:id', { schema: { hide: true, params: z.object({ id: z.string().max(100) }) } }, async (request, reply) => {
    const entry = deps.live.entry(request.params.id);
    if (!entry) {
      const body = `<h1>Serviço não encontrado</h1><p>Este item não existe na Carta de Serviços. <a href="/carta-de-servicos">Ver todos os serviços</a>.</p>`;
      return send(reply, publicPage({ title: 'Serviço não encontrado', site: siteName(deps), body }), 404);
    }
    return send(reply, publicPage({ title: entry.title, site: siteName(deps), body: entryBody(deps, entry) }));
  });
};
