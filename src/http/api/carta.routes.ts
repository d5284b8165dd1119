import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PublicUser } from '../../domain/attendants/users.js';
import {
  addCartaEntry,
  cartaEntryDetail,
  cartaEntryItems,
  cartaPageUrl,
  editCartaEntry,
  listCartaQuestions,
  resolveCartaQuestion,
  todayIn,
  understandQuestion,
  type LiveCarta,
  type QuestionDeps,
} from '../../domain/carta/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Clock } from '../../platform/clock.js';
import type { LiveEvents } from '../../platform/live-events.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { cartaErrors, entryDetailSchema, entryFieldsBody, entryItemSchema, questionSchema, searchSchema } from './carta.schemas.js';

export interface CartaRoutesDeps {
  db: Db;
  repos: Repositories;
  clock: Clock;
  live: LiveCarta;
  liveEvents: LiveEvents;
  timezone: string;
  /** PUBLIC_URL, for the entry's public page. */
  publicUrl: string | undefined;
  question: Omit<QuestionDeps, 'live'>;
  /** Every signed-in staff role reads. */
  requireUser: onRequestAsyncHookHandler;
  /** Coordinators and admins write. */
  requireCoordinator: onRequestAsyncHookHandler;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const security = [{ session: [] }];
const idParams = z.object({ id: z.string().min(1).max(80) });

/** The Carta de Serviços for the console: read by every staff role, edited by coordinators; the bot uses edits at once. */
export const registerCartaRoutes = (app: FastifyInstance, deps: CartaRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.clock.now().getTime();
  const today = () => todayIn(now(), deps.timezone);

  const detail = async (id: string) => {
    const found = cartaEntryDetail(deps.live, id, today());
    if (!found) throw toAppError({ code: 'entry_not_found', kind: 'not_found', message: 'Item da Carta de Serviços não encontrado.' });
    const editor = found.editedBy === null ? undefined : await deps.repos.users.byId(deps.db, found.editedBy);
    return { ...found, editedBy: editor?.name ?? null, publicUrl: cartaPageUrl(deps.publicUrl, id) };
  };

  api.get('/api/carta/entries', {
    onRequest: deps.requireUser,
    schema: { tags: ['carta'], summary: 'The Carta de Serviços: categories and entries, with review and use figures', security, response: { 200: z.object({ categories: z.array(z.object({ id: z.string(), title: z.string() })), items: z.array(entryItemSchema) }), 401: cartaErrors[401] } },
  }, async () => cartaEntryItems(deps.live, await deps.repos.carta.answerCounts(deps.db, now() - 30 * DAY_MS), today()));

  api.get('/api/carta/entries/:id', {
    onRequest: deps.requireUser,
    schema: { tags: ['carta'], summary: 'One entry as the bot and the public page use it now', security, params: idParams, response: { 200: entryDetailSchema, 401: cartaErrors[401], 404: cartaErrors[404] } },
  }, async (request) => detail(request.params.id));

  api.put('/api/carta/entries/:id', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['carta'],
      summary: "Rewrite an entry (every field but the id); markReviewed sets today's review. The bot uses it at once",
      security,
      params: idParams,
      body: entryFieldsBody,
      response: { 200: entryDetailSchema, ...cartaErrors },
    },
  }, async (request) => {
    const user = request.user as PublicUser;
    const { markReviewed, id: _id, ...fields } = request.body;
    const edited = await editCartaEntry(deps.db, deps.repos, deps.live, { id: request.params.id, fields, markReviewed: markReviewed === true, actorUserId: user.id }, now(), today());
    if (!edited.ok) throw toAppError(edited.error);
    request.log.info({ entry: request.params.id, by: user.id }, 'carta entry edited');
    deps.liveEvents.publish({ type: 'carta' });
    return detail(request.params.id);
  });

  api.post('/api/carta/entries', {
    onRequest: deps.requireCoordinator,
    schema: { tags: ['carta'], summary: 'Add an entry the profile does not have (with its id)', security, body: entryFieldsBody, response: { 201: entryDetailSchema, ...cartaErrors } },
  }, async (request, reply) => {
    const user = request.user as PublicUser;
    const { id, markReviewed, ...fields } = request.body;
    const parsedId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80).safeParse(id);
    if (!parsedId.success) throw toAppError({ code: 'invalid_entry', kind: 'invalid_input', message: 'Identificador: use letras minúsculas, números e hífens.', details: { fields: ['id'] } });
    const added = await addCartaEntry(deps.db, deps.repos, deps.live, { id: parsedId.data, fields, markReviewed: markReviewed === true, actorUserId: user.id }, now(), today());
    if (!added.ok) throw toAppError(added.error);
    request.log.info({ entry: parsedId.data, by: user.id }, 'carta entry added');
    deps.liveEvents.publish({ type: 'carta' });
    return reply.status(201).send(await detail(parsedId.data));
  });

  api.get('/api/carta/questions', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['carta'],
      summary: 'Questions citizens asked the bot: unanswered, not helpful, or all; newest first (200 at most)',
      security,
      querystring: z.object({ kind: z.enum(['unanswered', 'not_helpful', 'all']).default('all'), resolved: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ items: z.array(questionSchema) }), 400: cartaErrors[400], 401: cartaErrors[401] },
    },
  }, async (request) => {
    const { kind, resolved } = request.query;
    return { items: await listCartaQuestions(deps.db, deps.repos, deps.live, { kind, resolved: resolved === undefined ? undefined : resolved === 'true' }) };
  });

  api.post('/api/carta/questions/:id/resolve', {
    onRequest: deps.requireCoordinator,
    schema: {
      tags: ['carta'],
      summary: "Mark a question handled; with entryId and addAsQuestion its words are added to that entry's questions",
      security,
      params: z.object({ id: z.coerce.number().int().positive() }),
      body: z.object({ entryId: z.string().max(80).optional(), addAsQuestion: z.boolean().optional() }).default({}),
      response: { 204: z.null(), ...cartaErrors },
    },
  }, async (request, reply) => {
    const user = request.user as PublicUser;
    const resolved = await resolveCartaQuestion(deps.db, deps.repos, deps.live, { id: request.params.id, entryId: request.body.entryId, addAsQuestion: request.body.addAsQuestion, actorUserId: user.id }, now(), today());
    if (!resolved.ok) throw toAppError(resolved.error);
    if (request.body.addAsQuestion && request.body.entryId) deps.liveEvents.publish({ type: 'carta' });
    return reply.status(204).send(null);
  });

  api.get('/api/carta/search', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['carta'],
      summary: 'What the bot would do with this message: answer from an entry, go to a service, or say it has no answer',
      security,
      querystring: z.object({ q: z.string().trim().min(1).max(500) }),
      response: { 200: searchSchema, 400: cartaErrors[400], 401: cartaErrors[401] },
    },
  }, async (request) => {
    const { decision, results } = await understandQuestion(request.query.q, { ...deps.question, live: deps.live });
    return { decision, results: results.map(({ id, title, score }) => ({ id, title, score })) };
  });
};
