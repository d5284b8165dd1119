import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicUser } from '../../domain/attendants/users.js';
import {
  addTrainingPhrase,
  editableServices,
  editServiceText,
  intentPhrases,
  PHRASE_MAX,
  removeTrainingPhrase,
  type EditableService,
  type IntentPhrases,
  type LiveCatalog,
} from '../../domain/catalog-edits/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { LiveEvents } from '../../platform/live-events.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { errorSchema } from './schemas.js';

export interface CatalogRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  live: LiveCatalog;
  liveEvents: LiveEvents;
  /** Coordinators and admins word the catalog and teach the classifier. */
  requireCoordinator: onRequestAsyncHookHandler;
}

const textValue = z.union([z.string(), z.array(z.string())]);

const serviceSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['request', 'information']),
  department_id: z.string(),
  group: z.string(),
  group_title: z.string().describe('The menu section the service is listed under'),
  texts: z.array(z.object({
    field: z.string().describe("'name', 'menuTitle', 'menuDescription', 'guidance' or 'prompt:<field code>'"),
    field_label: z.string().nullable().describe('For a question: the label of the field it asks for'),
    value: textValue.describe('As citizens see it now (a list of messages for guidance)'),
    default: textValue.describe("The city profile's text"),
    edited: z.boolean(),
    max_length: z.number().describe('Per message for guidance'),
  })),
});

const intentSchema = z.object({
  intent: z.string(),
  label: z.string(),
  service_code: z.string().nullable(),
  phrases: z.array(z.object({ text: z.string(), origin: z.enum(['profile', 'console']) })),
  removed: z.array(z.string()).describe("The profile's phrases taken out in the console"),
});

const presentService = ({ service, groupTitle, texts }: EditableService) => ({
  code: service.code,
  name: service.name,
  kind: service.kind,
  department_id: service.departmentId,
  group: service.group,
  group_title: groupTitle,
  texts: texts.map((t) => ({ field: t.field, field_label: t.fieldLabel, value: t.value, default: t.defaultValue, edited: t.edited, max_length: t.maxLength })),
});

const presentIntent = (i: IntentPhrases) => ({ intent: i.intent, label: i.label, service_code: i.serviceCode, phrases: i.phrases, removed: i.removed });

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** The catalog's texts and the classifier's phrases, edited by coordinators; citizens see changes at once. */
export const registerCatalogRoutes = (app: FastifyInstance, deps: CatalogRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const now = () => deps.clock.now().getTime();
  const serviceNamed = (code: string) => editableServices(deps.live).find((s) => s.service.code === code);
  const intentNamed = (intent: string) => intentPhrases(deps.live).find((i) => i.intent === intent);
  const changed = () => deps.liveEvents.publish({ type: 'catalog' });

  api.get('/api/catalog/services', {
    onRequest: deps.requireCoordinator,
    schema: { tags: ['catalog'], summary: "Every service's texts as citizens see them, beside the city profile's", security, response: { 200: z.object({ services: z.array(serviceSchema) }), 401: errorSchema, 403: errorSchema } },
  }, async () => ({ services: editableServices(deps.live).map(presentService) }));

  api.patch('/api/catalog/services/:code', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['catalog'],
      summary: "Reword one text of a service (null: back to the profile's); WhatsApp limits are checked",
      security,
      params: z.object({ code: z.string().max(100) }),
      body: z.object({ field: z.string().max(120), value: textValue.nullable() }),
      response: { 200: z.object({ service: serviceSchema }), ...errors },
    },
  }, async (request) => {
    const user = request.user as PublicUser;
    const { field, value } = request.body;
    const edited = await editServiceText(deps.db, deps.repos, deps.live, { serviceCode: request.params.code, field, value, actorUserId: user.id }, now());
    if (!edited.ok) throw toAppError(edited.error);
    request.log.info({ service: request.params.code, field, by: user.id }, 'catalog text changed');
    changed();
    const service = serviceNamed(request.params.code);
    if (!service) throw new Error(`service ${request.params.code} vanished after an edit`);
    return { service: presentService(service) };
  });

  api.get('/api/nlu/intents', {
    onRequest: deps.requireCoordinator,
    schema: { tags: ['nlu'], summary: 'What the classifier is taught: each intent with its phrases', security, response: { 200: z.object({ intents: z.array(intentSchema) }), 401: errorSchema, 403: errorSchema } },
  }, async () => ({ intents: intentPhrases(deps.live).map(presentIntent) }));

  const phraseRoute = { params: z.object({ intent: z.string().max(100) }) };
  const afterPhraseChange = (intent: string) => {
    changed();
    const taught = intentNamed(intent);
    if (!taught) throw new Error(`intent ${intent} vanished after an edit`);
    return { intent: presentIntent(taught) };
  };

  api.post('/api/nlu/intents/:intent/phrases', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['nlu'],
      summary: 'Teach an intent one more phrase; the classifier is retrained before the answer',
      security,
      ...phraseRoute,
      body: z.object({ text: z.string().min(1).max(PHRASE_MAX * 2) }),
      response: { 201: z.object({ intent: intentSchema }), ...errors },
    },
  }, async (request, reply) => {
    const user = request.user as PublicUser;
    const added = await addTrainingPhrase(deps.db, deps.repos, deps.live, { intent: request.params.intent, phrase: request.body.text, actorUserId: user.id }, now());
    if (!added.ok) throw toAppError(added.error);
    request.log.info({ intent: request.params.intent, by: user.id }, 'training phrase added');
    return reply.status(201).send(afterPhraseChange(request.params.intent));
  });

  api.delete('/api/nlu/intents/:intent/phrases', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['nlu'],
      summary: 'Stop teaching an intent a phrase; the classifier is retrained before the answer',
      security,
      ...phraseRoute,
      querystring: z.object({ text: z.string().min(1).max(PHRASE_MAX * 2) }),
      response: { 200: z.object({ intent: intentSchema }), ...errors },
    },
  }, async (request) => {
    const user = request.user as PublicUser;
    const removed = await removeTrainingPhrase(deps.db, deps.repos, deps.live, { intent: request.params.intent, phrase: request.query.text, actorUserId: user.id }, now());
    if (!removed.ok) throw toAppError(removed.error);
    request.log.info({ intent: request.params.intent, by: user.id }, 'training phrase removed');
    return afterPhraseChange(request.params.intent);
  });
};
