import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notBuiltPage } from './not-built-page.js';

/** Paths that belong to the server, never to the console's client-side routes. */
const SERVER_PREFIXES = ['/api', '/open311', '/webhooks', '/_simulator', '/simulador', '/healthz', '/readyz', '/metrics', '/assets', '/privacidade', '/dados-abertos', '/avisos', '/carta-de-servicos'];

const isServerPath = (path: string): boolean => SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** `/relatorios` is a console route; `/logo.png` is a missing file, not a page. */
const looksLikeFile = (path: string): boolean => /\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf('/') + 1));

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? '/';

/**
 * Serves the built console (`dist/console`): hashed assets cached for a year, `index.html` revalidated on every load,
 * and `index.html` for any other page path so the console's own routes survive a reload. Without a build, `/` says
 * how to build it.
 */
export const registerConsole = async (scope: FastifyInstance, consoleDir: string): Promise<void> => {
  const assetsDir = join(consoleDir, 'assets');
  if (existsSync(assetsDir)) {
    await scope.register(fastifyStatic, { root: assetsDir, prefix: '/assets/', decorateReply: false, index: false, immutable: true, maxAge: '365d' });
  }
  const indexFile = join(consoleDir, 'index.html');

  const page = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = pathOf(request);
    if (isServerPath(path) || looksLikeFile(path)) {
      reply.callNotFound();
      return reply;
    }
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    const html = await readFile(indexFile, 'utf8').catch(() => undefined);
    if (html === undefined) return reply.status(503).send(notBuiltPage());
    return reply.send(html);
  };
  scope.get('/', { schema: { hide: true } }, page);
  scope.get('/*', { schema: { hide: true } }, page);
};
