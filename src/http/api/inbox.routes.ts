import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addHandoffNote,
  assignHandoff,
  closeHandoff,
  conversationHistory,
  handoffAssignees,
  listInbox,
  MAX_HISTORY_PAGE,
  MAX_INBOX_TEXT,
  replyToCitizen,
  resumeConversation,
  takeHandoff,
  transferHandoff,
  type InboxDeps,
  type InboxItem,
  type InboxViewer,
} from '../../domain/inbox/index.js';
import { toAppError, type Result } from '../../domain/requests/index.js';
import { AppError } from '../../platform/errors.js';
import type { Clock } from '../../platform/clock.js';
import type { LiveEvents } from '../../platform/live-events.js';
import { errorSchema } from './schemas.js';
import { viewerOf } from './viewer.js';

export interface InboxRoutesDeps extends InboxDeps {
  clock: Clock;
  liveEvents: LiveEvents;
  requireUser: onRequestAsyncHookHandler;
  /** Readable text of an outbound message body (the channel's). */
  describe: (payload: unknown) => string;
}

const itemSchema = z.object({
  id: z.number(),
  citizen_name: z.string().nullable(),
  phone: z.string().nullable(),
  department_id: z.string().nullable(),
  status: z.enum(['waiting', 'taken', 'closed']),
  urgent: z.boolean(),
  asked_while_open: z.boolean(),
  taken_by: z.number().nullable(),
  taken_by_name: z.string().nullable(),
  waiting_since: z.string(),
  updated_at: z.string(),
  message: z.string().nullable(),
  window_open: z.boolean().describe('Free text may be sent; outside the 24-hour window only templates'),
});

const iso = (at: number): string => new Date(at).toISOString();

const present = (item: InboxItem) => ({
  id: item.id,
  citizen_name: item.citizenName,
  phone: item.phone,
  department_id: item.departmentId,
  status: item.status,
  urgent: item.urgent,
  asked_while_open: item.askedWhileOpen,
  taken_by: item.takenBy,
  taken_by_name: item.takenByName,
  waiting_since: iso(item.waitingSince),
  updated_at: iso(item.updatedAt),
  message: item.message,
  window_open: item.windowOpen,
});

const entrySchema = z.object({
  direction: z.enum(['in', 'out', 'note', 'event']),
  at: z.string(),
  author: z.string().nullable(),
  text: z.string(),
  content: z.record(z.string(), z.unknown()).nullable().describe('What the citizen sent, as received (type, body, location, media…)'),
  delivery: z.string().nullable(),
});

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The attendants' inbox: citizens waiting for a person, their conversations, and what a person does with them. */
export const registerInboxRoutes = (app: FastifyInstance, deps: InboxRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ session: [] }];
  const now = () => deps.clock.now().getTime();


  /** Runs an action, announces the change to consoles, and answers 204; domain errors become API errors. */
  const act = async <T>(result: Promise<Result<T, string>>): Promise<null> => {
    const outcome = await result;
    if (!outcome.ok) throw toAppError(outcome.error);
    deps.liveEvents.publish({ type: 'inbox' });
    return null;
  };

  api.get('/api/inbox', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['inbox'],
      summary: 'Citizens waiting for a person or being attended, oldest first, in the queues the user may see',
      security,
      querystring: z.object({ status: z.enum(['waiting', 'taken']).optional(), department: z.string().max(100).optional() }),
      response: { 200: z.object({ items: z.array(itemSchema) }), 401: errorSchema },
    },
  }, async (request) => {
    const { status, department } = request.query;
    const items = await listInbox(deps.db, deps.repos, viewerOf(request), { statuses: status ? [status] : undefined, departmentId: department }, now());
    return { items: items.map(present) };
  });

  api.get('/api/inbox/:id/history', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['inbox'],
      summary: "The citizen's conversation (bot, people, notes and events), a page at a time, oldest to newest",
      security,
      params: idParams,
      querystring: z.object({ before: z.string().datetime().optional(), limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).optional() }),
      response: { 200: z.object({ entries: z.array(entrySchema), next_before: z.string().nullable() }), 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const { before, limit } = request.query;
    const page = await conversationHistory(deps.db, deps.repos, viewerOf(request), request.params.id, { before: before ? Date.parse(before) : undefined, limit }, deps.describe);
    if (!page.ok) throw toAppError(page.error);
    return {
      entries: page.value.entries.map((entry) => ({
        direction: entry.direction,
        at: iso(entry.at),
        author: entry.direction === 'in' ? 'citizen' : entry.author,
        text: entry.direction === 'in' ? (entry.content.type === 'text' ? entry.content.body : '') : entry.text,
        content: entry.direction === 'in' ? { ...entry.content } : null,
        delivery: entry.direction === 'out' ? (entry.delivery ?? entry.state) : null,
      })),
      next_before: page.value.nextBefore === undefined ? null : iso(page.value.nextBefore),
    };
  });

  api.get('/api/inbox/:id/assignees', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['inbox'],
      summary: 'The people who may attend this conversation (for coordinators handing it to someone)',
      security,
      params: idParams,
      response: { 200: z.object({ people: z.array(z.object({ id: z.number(), name: z.string(), department_id: z.string().nullable() })) }), 401: errorSchema, 404: errorSchema },
    },
  }, async (request) => {
    const people = await handoffAssignees(deps.db, deps.repos, viewerOf(request), request.params.id);
    if (!people.ok) throw toAppError(people.error);
    return { people: people.value.map((person) => ({ id: person.id, name: person.name, department_id: person.departmentId })) };
  });

  const action = (path: string, summary: string, body: z.ZodObject | undefined, run: (viewer: InboxViewer, id: number, body: Record<string, unknown>) => Promise<Result<unknown, string>>) =>
    api.post(path, {
      onRequest: deps.requireUser,
      schema: {
        tags: ['inbox'],
        summary,
        security,
        params: idParams,
        ...(body ? { body } : {}),
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    }, async (request, reply) => {
      await act(run(viewerOf(request), request.params.id, (request.body ?? {}) as Record<string, unknown>));
      return reply.status(204).send(null);
    });

  const text = z.object({ text: z.string().max(MAX_INBOX_TEXT * 2) });
  action('/api/inbox/:id/take', 'Take a waiting citizen (coordinators may take one someone else holds)', undefined, (viewer, id) => takeHandoff(deps, viewer, id, now()));
  action('/api/inbox/:id/reply', 'Answer the citizen on WhatsApp, signed with your name (within the 24-hour window)', text, (viewer, id, body) =>
    replyToCitizen(deps, viewer, id, String(body.text), now()));
  action('/api/inbox/:id/resume', "After 24 hours of silence, send the city's approved template asking the citizen to answer", undefined, (viewer, id) =>
    resumeConversation(deps, viewer, id, now()));
  action('/api/inbox/:id/notes', 'Add an internal note (never sent to the citizen)', text, (viewer, id, body) => addHandoffNote(deps, viewer, id, String(body.text), now()));
  action('/api/inbox/:id/transfer', "Send the conversation to another department's queue (the citizen is told)", z.object({ department: z.string().max(100) }), (viewer, id, body) =>
    transferHandoff(deps, viewer, id, String(body.department), now()));
  action('/api/inbox/:id/close', 'End the attendance: the bot answers again from the menu', undefined, (viewer, id) => closeHandoff(deps, viewer, id, now()));
  action('/api/inbox/:id/assign', 'Hand the citizen to a colleague (coordinators)', z.object({ user_id: z.number().int().positive() }), async (viewer, id, body) => {
    const user = await deps.repos.users.byId(deps.db, Number(body.user_id));
    if (!user || user.disabled_at !== null) throw new AppError('inbox.unknown_user', 'invalid_input', 'Usuário não encontrado.');
    return assignHandoff(deps, viewer, id, { id: Number(user.id), name: user.name, role: user.role, departmentId: user.department_id }, now());
  });
};
