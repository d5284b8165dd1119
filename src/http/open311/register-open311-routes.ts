import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CITY_PROFILE_FILES } from '../../config/city-profile.js';
import type { Config } from '../../config/load-config.js';
import { open311Error, type Open311Error } from '../../domain/open311/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { Open311Deps } from './deps.js';
import { rateLimitStore } from '../server.js';
import { registerRequestRoutes } from './requests.routes.js';
import { formatOfUrl, sendError } from './reply.js';
import { registerServiceRoutes } from './services.routes.js';

/** Room for a description far over its limit (refused with a clear 400) while bounding what is parsed. */
export const OPEN311_BODY_LIMIT = 256 * 1024;
/** Per minute: a client syncing with a key, and anyone else by address. */
export const RATE_PER_KEY = 300;
export const RATE_PER_IP = 120;

export interface Open311Wiring {
  config: Config;
  db: Db;
  repos: Repositories;
  clock: Clock;
  /** When a coordinator last changed a catalog text in the console, if ever. */
  catalogChangedAt: () => number | undefined;
  /** Shares the rate limits among instances. */
  rateLimitRedis?: Redis;
}

const asciiOnly = (text: string): string => text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');

const depsFrom = ({ config, db, repos, clock, catalogChangedAt }: Open311Wiring): Open311Deps => {
  const { city } = config;
  const catalogFileChangedAt = statSync(join(city.directory, CITY_PROFILE_FILES.catalog)).mtime.getTime();
  const domain = new URL(city.privacyPolicyUrl).hostname.replace(/^www\./, '');
  return {
    db,
    repos,
    clock,
    // The profile itself, not a copy: its catalog is replaced when coordinators edit texts.
    city,
    // The spec suggests the city's web domain; the profile id is accepted too.
    jurisdictionIds: [domain, city.id],
    configuredKeys: config.open311ApiKeys,
    publicUrl: config.http.publicUrl,
    endpointType: config.whatsapp.simulator ? 'test' : 'production',
    changeset: () => new Date(Math.max(catalogFileChangedAt, catalogChangedAt() ?? 0)).toISOString(),
    contact: asciiOnly(`${city.name} - ${city.channelName}, WhatsApp +${city.whatsapp.displayPhoneNumber}`),
  };
};

const paramsOf = (request: FastifyRequest): Record<string, unknown> => ({
  ...(request.query as Record<string, unknown>),
  ...(request.body !== null && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {}),
});

const firstText = (value: unknown): string | undefined => (Array.isArray(value) ? firstText(value[0]) : typeof value === 'string' ? value : undefined);

/** Clients with a key are limited per key (several may share an address); the rest per address. */
const rateKey = (request: FastifyRequest): string => {
  const key = firstText(paramsOf(request).api_key);
  return key ? `key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}` : `ip:${request.ip}`;
};

/** Errors before or outside a route (bad body, too large, rate limit) as Open311 error lists. */
const toOpen311Error = (error: FastifyError): Open311Error => {
  if (error.statusCode === 429) return open311Error(429, 'Muitas requisições; aguarde um minuto e tente de novo.');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return open311Error(400, `O corpo da requisição passa de ${OPEN311_BODY_LIMIT / 1024} KB.`);
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return open311Error(400, 'Content-Type não suportado; envie application/x-www-form-urlencoded.');
  return open311Error(400, 'Requisição inválida.');
};

/**
 * Open311 GeoReport v2 under /open311: called by machines, so none of the browser scope (cookies, CSP, sessions);
 * form bodies as the spec sends them, a rate limit per key or address, errors always as Open311 error lists in
 * the format the URL asked for. Hidden from /api/docs: the resources are XML/JSON documents the spec defines.
 */
export const registerOpen311Routes = async (app: FastifyInstance, wiring: Open311Wiring): Promise<void> => {
  const deps = depsFrom(wiring);
  await app.register(async (scope) => {
    await scope.register(fastifyFormbody, { bodyLimit: OPEN311_BODY_LIMIT });
    await scope.register(fastifyRateLimit, {
      ...rateLimitStore(wiring.rateLimitRedis),
      hook: 'preHandler',
      timeWindow: '1 minute',
      keyGenerator: rateKey,
      max: (_request, key) => (key.startsWith('key:') ? RATE_PER_KEY : RATE_PER_IP),
      errorResponseBuilder: (_request, context) => ({ statusCode: context.statusCode, code: 'rate_limited', message: 'rate limited' }),
    });
    scope.setErrorHandler((error: FastifyError, request, reply) => {
      if ((error.statusCode ?? 500) >= 500) request.log.error({ err: error }, 'Open311 request failed');
      // A failure of ours is still a 400 by the spec ("general service error"); the body code says 500.
      const open311 = (error.statusCode ?? 500) >= 500 ? { status: 400 as const, errors: [{ code: 500, description: 'Erro interno; tente novamente mais tarde.' }] } : toOpen311Error(error);
      return sendError(reply, formatOfUrl(request.url), open311);
    });
    const notFound = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
      sendError(reply, formatOfUrl(request.url), open311Error(404, 'Recurso Open311 não encontrado; veja /open311/v2/discovery.xml.'));
    scope.setNotFoundHandler(notFound);
    // A catch-all route elsewhere (the console's client-side pages) would otherwise answer unknown Open311 paths with
    // its own 404; this one is more specific, so clients always get an Open311 error list.
    scope.all('/*', { schema: { hide: true } }, notFound);
    scope.addHook('preHandler', async (request, reply) => {
      const jurisdiction = firstText(paramsOf(request).jurisdiction_id)?.trim();
      if (jurisdiction && !deps.jurisdictionIds.includes(jurisdiction))
        return sendError(reply, formatOfUrl(request.url), open311Error(404, `jurisdiction_id: desconhecido; este endpoint atende ${deps.jurisdictionIds[0]}.`));
    });
    registerServiceRoutes(scope, deps);
    registerRequestRoutes(scope, deps);
  }, { prefix: '/open311' });
};
