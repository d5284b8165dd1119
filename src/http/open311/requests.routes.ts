import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createOpen311Request, getOpen311Request, isAcceptedApiKey, open311Error, queryOpen311Requests, type Open311Params } from '../../domain/open311/index.js';
import type { Open311Deps } from './deps.js';
import { createdXml, requestsXml } from './documents.js';
import { sendDocument, sendError, splitFormat, type Format } from './reply.js';

const FORMATS: readonly Format[] = ['xml', 'json'];

/** Form bodies (the spec's), JSON objects (some clients), or nothing. */
const bodyParams = (request: FastifyRequest): Open311Params =>
  request.body !== null && typeof request.body === 'object' && !Array.isArray(request.body) ? (request.body as Open311Params) : {};

const queryParams = (request: FastifyRequest): Open311Params => request.query as Open311Params;

const apiKeyOf = (params: Open311Params): string | undefined => {
  const value = Array.isArray(params.api_key) ? (params.api_key as unknown[])[0] : params.api_key;
  return typeof value === 'string' ? value : undefined;
};

export const registerRequestRoutes = (scope: FastifyInstance, deps: Open311Deps): void => {
  const { db, repos, city } = deps;

  for (const format of FORMATS) {
    scope.get(`/v2/requests.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const result = await queryOpen311Requests(db, repos, city, queryParams(request), deps.clock.now().getTime());
      if (!result.ok) return sendError(reply, format, result.error);
      return sendDocument(reply, format, { json: result.value, xml: requestsXml(result.value) });
    });

    scope.post(`/v2/requests.${format}`, { schema: { hide: true } }, async (request, reply) => {
      const params = { ...queryParams(request), ...bodyParams(request) };
      if (!(await isAcceptedApiKey(db, repos, deps.configuredKeys, apiKeyOf(params)))) {
        request.log.warn({ ip: request.ip }, 'Open311 request refused: missing or unknown api_key');
        return sendError(reply, format, open311Error(403, 'api_key: chave ausente ou inválida; não é possível criar a solicitação.'));
      }
      const result = await createOpen311Request(db, repos, city, params, deps.clock.now().getTime());
      if (!result.ok) return sendError(reply, format, result.error);
      request.log.info({ protocol: result.value.service_request_id }, 'Open311 request opened');
      const created = [result.value];
      return sendDocument(reply, format, { json: created, xml: createdXml(created) });
    });
  }

  scope.get<{ Params: { file: string } }>('/v2/requests/:file', { schema: { hide: true } }, async (request, reply) => {
    const { name, format } = splitFormat(request.params.file);
    const result = await getOpen311Request(db, repos, city, name);
    if (!result.ok) return sendError(reply, format ?? 'xml', result.error);
    return sendDocument(reply, format ?? 'xml', { json: result.value, xml: requestsXml(result.value) });
  });
};
