import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError, httpStatusOf } from '../platform/errors.js';
import { requireCsrfHeader } from './csrf.js';
import { DirectRoutes } from './direct-routes.js';
import { errorBody, INTERNAL_ERROR } from './error-body.js';
import { INVALID_JSON, parseJsonBody } from './json-body.js';
import { refuseNulInAddress } from './nul-characters.js';
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The exact bytes received, for signature checks (never re-serialise before hashing). */
    rawBody?: Buffer;
  }
  interface FastifyInstance {
    /** POST routes node:http answers ahead of Fastify (the webhook); see DirectRoutes. */
    directRoutes: DirectRoutes;
  }
}

/** Meta's webhook payloads are at most 3 MB; anything larger is refused with 413. */
export const BODY_LIMIT = 3 * 1024 * 1024;

const parseJsonKeepingRaw = (request: { rawBody?: Buffer }, body: Buffer, done: (err: Error | null, value?: unknown) => void): void => {
  request.rawBody = body;
  try {
    done(null, parseJsonBody(body));
  } catch {
    done(Object.assign(new Error(INVALID_JSON.message), { statusCode: 400, code: INVALID_JSON.code }));
  }
};

/** The fields a domain error names (`details.fields`), so a form can mark them. */
const fieldsOf = (error: AppError): string[] | undefined => {
  const fields = error.details?.['fields'];
  return Array.isArray(fields) && fields.every((f) => typeof f === 'string') ? fields : undefined;
};

const installErrorHandler = (app: FastifyInstance): void => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => v.instancePath.replace(/^\//, '')).filter(Boolean);
      return reply.status(400).send({ ...errorBody('invalid_input', 'Dados inválidos: confira os campos destacados.', fields), fields });
    }
    if (error instanceof AppError) return reply.status(httpStatusOf(error.kind)).send(errorBody(error.code, error.message, fieldsOf(error)));
    const status = error.statusCode ?? 500;
    if (status === 429) return reply.status(429).send(errorBody('rate_limited', 'Muitas tentativas seguidas. Aguarde alguns minutos e tente de novo.'));
    if (status < 500) return reply.status(status).send(errorBody(error.code ?? 'bad_request', error.message));
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(INTERNAL_ERROR);
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('not_found', 'Endereço não encontrado.')));
};

/**
 * The Fastify instance with what every route relies on: zod validation, raw JSON bodies, errors, OpenAPI.
 * Browser concerns (security headers, cookies, rate limits) live in `browserScope`, so the webhook Meta calls
 * thousands of times a minute does not pay for them.
 */
/**
 * `trustProxy`: whose forwarding headers to believe (see TRUST_PROXY). Believing everyone would let any client pick
 * its address, and so its own sign-in and Open311 rate limits.
 */
export const createHttpServer = async (logger: Logger, trustProxy: string | false = 'loopback'): Promise<FastifyInstance> => {
  const directRoutes = new DirectRoutes();
  // Per-request access logs are left to the reverse proxy; errors are still logged.
  const app = Fastify({
    serverFactory: directRoutes.serverFactory,
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy,
  });
  app.decorate('directRoutes', directRoutes);
  app.addHook('preClose', async () => directRoutes.refuseFromNow());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, parseJsonKeepingRaw);
  app.addHook('onRequest', refuseNulInAddress);
  installErrorHandler(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Whats Palmas API', description: 'API do console de atendimento do Whats Palmas.', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wp_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  return app;
};

export interface BrowserScopeOptions {
  /** Origins images may also come from (map tiles for the console). */
  imageOrigins?: string[];
  /** Served over HTTPS: browsers upgrade any plain-http subresource. Off for plain-http intranets, where it would break the page. */
  upgradeInsecureRequests?: boolean;
  /** Rate limits counted in Redis, so that all instances share them; absent: each process counts its own. */
  rateLimitRedis?: Redis;
}

/** Where @fastify/rate-limit counts: in Redis when there is one (a Redis that does not answer lets requests through). */
export const rateLimitStore = (redis: Redis | undefined) => (redis ? { redis, nameSpace: 'whats-palmas:rate-limit:', skipOnError: true } : {});

/** Registers routes meant for browsers (console, API, simulator page) with security headers, cookies, CSRF check and rate limits. */
export const browserScope = async (
  app: FastifyInstance,
  routes: (scope: FastifyInstance) => Promise<void> | void,
  options: BrowserScopeOptions = {},
): Promise<void> => {
  await app.register(async (scope) => {
    await scope.register(fastifyCookie);
    await scope.register(fastifyHelmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...(options.imageOrigins ?? [])],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: options.upgradeInsecureRequests ? [] : null,
        },
      },
    });
    requireCsrfHeader(scope);
    await scope.register(fastifyRateLimit, { global: false, ...rateLimitStore(options.rateLimitRedis) });
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    await routes(scope);
  });
};
