import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toAppError } from '../../domain/requests/index.js';
import {
  addManualTemplate,
  BUTTON_TYPES,
  findTemplate,
  HEADER_FORMATS,
  listTemplates,
  removeManualTemplate,
  renderTemplatePreview,
  syncTemplates,
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type WhatsAppTemplate,
} from '../../domain/templates/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';
import { describeSyncFailure, type TemplateChannel } from './template-channel.js';
import { viewerOf } from './viewer.js';

export interface TemplatesRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  channel: TemplateChannel;
  requireUser: onRequestAsyncHookHandler;
  requireCoordinator: onRequestAsyncHookHandler;
}

const buttonSchema = z.object({ type: z.enum(BUTTON_TYPES), text: z.string(), url: z.string().optional(), phone_number: z.string().optional() });
const componentsSchema = z.object({
  header: z.object({ format: z.enum(HEADER_FORMATS), text: z.string().nullable() }).nullable(),
  body: z.string(),
  footer: z.string().nullable(),
  buttons: z.array(buttonSchema),
});
const templateSchema = z.object({
  id: z.number(),
  name: z.string(),
  language: z.string(),
  category: z.enum(TEMPLATE_CATEGORIES),
  status: z.enum(TEMPLATE_STATUSES),
  status_reason: z.string().nullable(),
  source: z.enum(['graph', 'manual']),
  meta_id: z.string().nullable(),
  missing_since: z.string().nullable().describe('When a sync no longer found it at Meta'),
  components: componentsSchema,
  parameter_count: z.number(),
  parameter_names: z.array(z.string()),
  preview: z.string().describe('The text a citizen would read, with {{n}} where the parameters go'),
  updated_at: z.string(),
});

const present = (t: WhatsAppTemplate): z.infer<typeof templateSchema> => ({
  id: t.id,
  name: t.name,
  language: t.language,
  category: t.category,
  status: t.status,
  status_reason: t.statusReason,
  source: t.source,
  meta_id: t.metaId,
  missing_since: t.missingSince === null ? null : new Date(t.missingSince).toISOString(),
  components: {
    ...t.components,
    buttons: t.components.buttons.map(({ phoneNumber, ...b }) => ({ ...b, ...(phoneNumber ? { phone_number: phoneNumber } : {}) })),
  },
  parameter_count: t.parameterNames.length,
  parameter_names: t.parameterNames,
  preview: renderTemplatePreview(t),
  updated_at: new Date(t.updatedAt).toISOString(),
});

const newTemplateSchema = z.object({
  name: z.string().max(600),
  language: z.string().max(20),
  category: z.enum(TEMPLATE_CATEGORIES),
  status: z.enum(TEMPLATE_STATUSES).default('APPROVED').describe("Meta's status as shown in WhatsApp Manager"),
  header: z.object({ format: z.enum(HEADER_FORMATS), text: z.string().max(200).nullish() }).nullish(),
  body: z.string().max(2000),
  footer: z.string().max(200).nullish(),
  buttons: z.array(buttonSchema.extend({ text: z.string().max(100) })).max(20).default([]),
});

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The registry of WhatsApp templates broadcasts and notices use: list and preview, sync from Meta, manual entry. */
export const registerTemplatesRoutes = (app: FastifyInstance, deps: TemplatesRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const tags = ['templates'];

  api.get('/api/templates', {
    onRequest: deps.requireUser,
    schema: {
      tags, summary: 'WhatsApp templates with their preview and parameter count', security,
      querystring: z.object({ status: z.enum(TEMPLATE_STATUSES).optional(), category: z.enum(TEMPLATE_CATEGORIES).optional() }),
      response: { 200: z.object({ templates: z.array(templateSchema), sync_available: z.boolean() }), 400: errorSchema, 401: errorSchema },
    },
  }, async (request) => ({
    templates: (await listTemplates(deps.db, deps.repos, request.query)).map(present),
    sync_available: deps.channel.fetchAll !== undefined,
  }));

  api.get('/api/templates/:id', {
    onRequest: deps.requireUser,
    schema: { tags, summary: 'One WhatsApp template', security, params: idParams, response: { 200: z.object({ template: templateSchema }), 401: errorSchema, 404: errorSchema } },
  }, async (request) => {
    const template = await findTemplate(deps.db, deps.repos, request.params.id);
    if (!template) throw new AppError('not_found', 'not_found', 'Modelo não encontrado.');
    return { template: present(template) };
  });

  api.post('/api/templates/sync', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags, summary: "Read every template of the business account from Meta (coordinators)", security,
      response: { 200: z.object({ total: z.number(), created: z.number(), updated: z.number(), missing: z.number() }), 401: errorSchema, 403: errorSchema, 409: errorSchema, 503: errorSchema },
    },
  }, async (request) => {
    const { fetchAll } = deps.channel;
    if (!fetchAll) {
      throw new AppError('sync_unavailable', 'conflict', 'A sincronização precisa do ID da conta do WhatsApp Business (WHATSAPP_BUSINESS_ACCOUNT_ID) na configuração. Sem ele, cadastre os modelos à mão.');
    }
    try {
      return await syncTemplates(deps.db, deps.repos, fetchAll, { actorUserId: viewerOf(request).id, now: () => deps.clock.now().getTime() });
    } catch (error) {
      request.log.error({ err: error }, 'WhatsApp template sync failed');
      throw new AppError('sync_failed', 'unavailable', describeSyncFailure(error));
    }
  });

  api.post('/api/templates', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags, summary: 'Enter an approved template by hand (coordinators; cities without a business account id)', security, body: newTemplateSchema,
      response: { 201: z.object({ template: templateSchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema },
    },
  }, async (request, reply) => {
    const { name, language, category, status, header, body, footer, buttons } = request.body;
    const components = {
      header: header ? { format: header.format, text: header.text ?? null } : null,
      body,
      footer: footer || null,
      buttons: buttons.map(({ phone_number: phoneNumber, ...b }) => ({ ...b, ...(phoneNumber ? { phoneNumber } : {}) })),
    };
    const draft = { name, language, category, status, components, metaId: null };
    const added = await addManualTemplate(deps.db, deps.repos, viewerOf(request), draft, deps.clock.now().getTime());
    if (!added.ok) throw toAppError(added.error);
    deps.channel.mirror?.added(added.value);
    return reply.status(201).send({ template: present(added.value) });
  });

  api.delete('/api/templates/:id', {
    onRequest: deps.requireCoordinator,
    schema: { tags, summary: 'Remove a template entered by hand (coordinators)', security, params: idParams, response: { 204: z.null(), 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema } },
  }, async (request, reply) => {
    const removed = await removeManualTemplate(deps.db, deps.repos, viewerOf(request), request.params.id, deps.clock.now().getTime());
    if (!removed.ok) throw toAppError(removed.error);
    deps.channel.mirror?.removed(removed.value);
    return reply.status(204).send(null);
  });
};
