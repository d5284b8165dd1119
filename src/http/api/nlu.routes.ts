import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from './schemas.js';
import type { Classifier } from '../../nlu/index.js';

export interface NluRoutesDeps {
  classifier: Pick<Classifier, 'classify'>;
  /** Lets only signed-in users through (401 otherwise), e.g. `requireUser(authDeps)` from auth.routes.ts. */
  requireUser: onRequestAsyncHookHandler;
}


export const classifyBodySchema = z.object({
  text: z.string().min(1).max(4096).describe('A citizen message, as typed on WhatsApp'),
});

export const classifyResponseSchema = z.object({
  service_code: z.string().nullable().describe('Service code of the catalog, or null when the text asks for no service or the classifier is not sure'),
  confidence: z.number().min(0).max(1).describe('Score of the best intent, 0..1'),
});

export const registerNluRoutes = (app: FastifyInstance, deps: NluRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/nlu/classify', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['nlu'],
      summary: 'Which service a citizen message asks for (null for greetings, thanks, chit-chat or when unsure)',
      security: [{ session: [] }],
      body: classifyBodySchema,
      response: { 200: classifyResponseSchema, 400: errorSchema, 401: errorSchema },
    },
  }, async (request) => {
    const { serviceCode, confidence } = await deps.classifier.classify(request.body.text);
    return { service_code: serviceCode, confidence };
  });
};
