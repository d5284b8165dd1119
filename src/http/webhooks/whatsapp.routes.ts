import type { FastifyInstance } from 'fastify';
import { readJsonPost, sendJson, sendText } from '../direct-routes.js';
import { INTERNAL_ERROR } from '../error-body.js';
import { BODY_LIMIT } from '../server.js';
import { answerNotification, type NotificationDeps, type WebhookLog } from './answer-notification.js';

export interface WebhookRouteDeps extends NotificationDeps {
  verifyToken: string | undefined;
}

export const registerWhatsAppWebhookRoutes = (app: FastifyInstance, deps: WebhookRouteDeps): void => {
  app.get('/webhooks/whatsapp', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const tokenMatches = deps.verifyToken !== undefined && query['hub.verify_token'] === deps.verifyToken;
    if (query['hub.mode'] !== 'subscribe' || !tokenMatches) {
      request.log.warn('webhook verification refused: wrong mode or verify token');
      return reply.status(403).type('text/plain').send('Forbidden');
    }
    return reply.status(200).type('text/plain').send(query['hub.challenge'] ?? '');
  });

  const answer = (raw: Buffer, body: unknown, signature: string | string[] | undefined, log: WebhookLog) =>
    answerNotification(deps, raw, body, typeof signature === 'string' ? signature : undefined, log);

  app.post('/webhooks/whatsapp', { schema: { hide: true } }, async (request, reply) => {
    const answered = await answer(request.rawBody ?? Buffer.alloc(0), request.body, request.headers['x-hub-signature-256'], request.log);
    if (answered.retryAfterSeconds) reply.header('retry-after', String(answered.retryAfterSeconds));
    if (typeof answered.body === 'string') return reply.status(answered.status).type('text/plain').send(answered.body);
    return reply.status(answered.status).send(answered.body);
  });

  // The same route ahead of Fastify, for Meta's calls (see DirectRoutes).
  app.directRoutes.post('/webhooks/whatsapp', (request, response) => {
    const fail = (error: unknown) => {
      app.log.error({ err: error }, 'webhook failed');
      if (!response.headersSent) sendJson(response, 500, INTERNAL_ERROR);
    };
    readJsonPost(request, response, BODY_LIMIT).then(async (post) => {
      if (!post) return;
      const answered = await answer(post.raw, post.body, request.headers['x-hub-signature-256'], app.log);
      if (typeof answered.body === 'string') return sendText(response, answered.status, answered.body);
      sendJson(response, answered.status, answered.body, answered.retryAfterSeconds ? { 'retry-after': String(answered.retryAfterSeconds) } : {});
    }).catch(fail);
  });
};
