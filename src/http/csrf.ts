import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The header the console sends with every request that changes something; forms on other sites cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'whats-palmas';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const changesState = (request: FastifyRequest): boolean => !SAFE_METHODS.has(request.method) && request.url.startsWith('/api/');

/**
 * Refuses state-changing `/api` requests without the custom header. The session cookie is already SameSite=Strict;
 * the header also covers sign-in (which has no cookie yet) and browsers that ignore SameSite. Another site can only
 * add a custom header through a CORS preflight, which this server never grants.
 */
export const requireCsrfHeader = (scope: FastifyInstance): void => {
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!changesState(request) || request.headers[CSRF_HEADER] === CSRF_HEADER_VALUE) return;
    return reply.status(403).send({
      error: { code: 'csrf.header_missing', message: `Requisição recusada por segurança: envie o cabeçalho X-Requested-With: ${CSRF_HEADER_VALUE}.` },
    });
  });
};
