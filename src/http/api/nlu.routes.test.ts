import type { FastifyInstance, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassifier, loadTrainingData } from '../../nlu/index.js';
import { AppError } from '../../platform/errors.js';
import { createLogger } from '../../platform/logger.js';
import { fromRoot } from '../../platform/paths.js';
import { createHttpServer } from '../server.js';
import { registerNluRoutes } from './nlu.routes.js';

let app: FastifyInstance;

/** Stands in for requireUser: a request is signed in when it carries the test header. */
const pretendSignedIn = async (request: FastifyRequest): Promise<void> => {
  if (request.headers['x-test-user'] !== 'attendant') throw new AppError('auth.required', 'unauthenticated', 'Faça login para continuar.');
};

beforeAll(async () => {
  const classifier = await createClassifier(await loadTrainingData(fromRoot('city', 'palmas', 'nlu')));
  app = await createHttpServer(createLogger('silent'));
  registerNluRoutes(app, { classifier, requireUser: pretendSignedIn });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

const classify = (body: unknown, signedIn = true) =>
  app.inject({ method: 'POST', url: '/api/nlu/classify', headers: signedIn ? { 'x-test-user': 'attendant' } : {}, payload: body as object });

describe('POST /api/nlu/classify', () => {
  it('answers the service code and confidence, exactly the contract shape', async () => {
    const response = await classify({ text: 'tem um poste apagado na minha rua' });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(Object.keys(body).sort()).toEqual(['confidence', 'service_code']);
    expect(body.service_code).toBe('iluminacao-publica');
    expect(body.confidence).toBeGreaterThan(0.4);
  });

  it('answers null for a greeting', async () => {
    const response = await classify({ text: 'boa tarde' });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ service_code: string | null }>().service_code).toBeNull();
  });

  it('refuses empty, missing or too long text with 400', async () => {
    for (const body of [{ text: '' }, {}, { text: 'a'.repeat(4097) }]) {
      const response = await classify(body);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('invalid_input');
    }
  });

  it('refuses a request without a signed-in user with 401', async () => {
    const response = await classify({ text: 'buraco na rua' }, false);
    expect(response.statusCode).toBe(401);
  });

  it('is documented in the OpenAPI description', async () => {
    const spec = app.swagger() as { paths?: Record<string, { post?: { tags?: string[]; requestBody?: unknown } }> };
    const operation = spec.paths?.['/api/nlu/classify']?.post;
    expect(operation?.tags).toEqual(['nlu']);
    expect(JSON.stringify(operation?.requestBody)).toContain('"maxLength":4096');
  });
});
