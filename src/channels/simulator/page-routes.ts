import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { fromRoot } from '../../platform/paths.js';

/*
 * The chat page is plain files under src/channels/simulator/page/ (no build step; `tsc` copies nothing, so
 * they are read from the project root). Script and styles are separate files, not inline, so the page also
 * works under a strict Content-Security-Policy such as @fastify/helmet's default.
 */

const PAGE_FILES = {
  'index.html': 'text/html; charset=utf-8',
  'simulador.css': 'text/css; charset=utf-8',
  'simulador.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'format.js': 'text/javascript; charset=utf-8',
} as const;
type PageFile = keyof typeof PAGE_FILES;

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const cache = new Map<PageFile, string>();

export const pageFile = (file: PageFile): string => {
  let content = cache.get(file);
  if (content === undefined) {
    content = readFileSync(fromRoot('src/channels/simulator/page', file), 'utf8');
    cache.set(file, content);
  }
  return content;
};

const isAsset = (file: string): file is Exclude<PageFile, 'index.html'> => file !== 'index.html' && Object.hasOwn(PAGE_FILES, file);

export const registerPageRoutes = (scope: FastifyInstance): void => {
  const page = async (_request: unknown, reply: FastifyReply) =>
    reply
      .header('content-type', PAGE_FILES['index.html'])
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .send(pageFile('index.html'));
  scope.get('/simulador', page);
  scope.get('/simulador/', page);

  scope.get<{ Params: { file: string } }>('/simulador/assets/:file', async (request, reply) => {
    const { file } = request.params;
    if (!isAsset(file)) return reply.code(404).send({ error: 'Arquivo não encontrado.' });
    return reply.header('content-type', PAGE_FILES[file]).header('cache-control', 'no-cache').send(pageFile(file));
  });
};
