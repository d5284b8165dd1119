import type { FastifyInstance } from 'fastify';
import { Simulator, registerSimulatorRoutes } from '../channels/simulator/index.js';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';

export type AttachedSimulator = Simulator;

/** With no access token, Meta is played by the in-process simulator, which calls our own webhook. */
export const createSimulator = (config: Config, context: { clock: Clock; logger: Logger; baseUrl: () => string }): Simulator =>
  new Simulator({
    appSecret: config.whatsapp.appSecret ?? '',
    phoneNumberId: config.whatsapp.phoneNumberId,
    displayPhoneNumber: config.city.whatsapp.displayPhoneNumber,
    accessToken: config.whatsapp.accessToken,
    ...(config.whatsapp.businessAccountId ? { businessAccountId: config.whatsapp.businessAccountId } : {}),
    webhookUrl: () => `${context.baseUrl()}/webhooks/whatsapp`,
    publicBaseUrl: context.baseUrl,
    clock: context.clock,
    logger: context.logger.child({ component: 'simulator' }),
    maxMps: config.whatsapp.maxMps,
    businessName: config.city.name,
    // The city's notice templates, as if Meta had approved them, so notices outside the 24-hour window work here too.
    templates: Object.values(config.city.whatsapp.templates).map((t) => ({
      name: t.name,
      language: t.language,
      bodyParameters: t.parameters.length,
      body: t.body,
      quickReplies: t.quickReplies,
    })),
  });

/** The fake Graph API, the `/simulador` page and its API. */
export const registerSimulator = (scope: FastifyInstance, simulator: Simulator): Promise<void> =>
  Promise.resolve(registerSimulatorRoutes(scope, simulator));
