import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addRequestNote,
  assignRequest,
  changeStatusAs,
  inTransaction,
  linkDuplicate,
  setRequestPriority,
  unlinkDuplicate,
  viewRequest,
  type RequestViewer,
} from '../../../domain/requests/index.js';
import type { Tx } from '../../../storage/database.js';
import { errorSchema } from '../schemas.js';
import { security, viewerOf, type RequestsRoutesDeps } from './deps.js';
import { must, requestError } from './errors.js';
import { presentDetail } from './presenters.js';
import { linkBody, noteBody, patchBody, protocolParams, requestDetailSchema } from './schemas.js';

type Patch = z.infer<typeof patchBody>;

const changeResponses = { 200: z.object({ request: requestDetailSchema }), 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Staff's changes to one request; all of them or none (a refused step rolls back the steps before it). */
export const registerRequestWriteRoutes = (app: FastifyInstance, deps: RequestsRoutesDeps): void => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { repos } = deps;
  const now = () => deps.clock.now().getTime();

  /** Runs `change` in one transaction and answers with the request as it is afterwards. */
  const changed = async (request: FastifyRequest, protocol: string, change: (tx: Tx, viewer: RequestViewer, at: number) => Promise<void>) => {
    const viewer = viewerOf(request);
    const at = now();
    const view = await inTransaction(deps.db, async (tx) => {
      await change(tx, viewer, at);
      return viewRequest(tx, repos, viewer, protocol);
    });
    if (!view) throw requestError({ code: 'not_found', kind: 'not_found', message: `no request ${protocol}` });
    request.log.info({ protocol, by: viewer.id }, 'request changed in the console');
    return { request: presentDetail(deps.city, view, at) };
  };

  const applyPatch = async (tx: Tx, viewer: RequestViewer, protocol: string, patch: Patch, at: number): Promise<void> => {
    if (patch.status === undefined && patch.note === undefined && patch.priority === undefined && patch.assignee_id === undefined)
      throw requestError({ code: 'nothing_to_change', kind: 'invalid_input', message: 'empty patch' });
    if (patch.status !== undefined)
      must(await changeStatusAs({ db: tx, repos, city: deps.city, notifier: deps.notifier }, viewer, { protocol, to: patch.status, note: patch.note }, at));
    else if (patch.note !== undefined) must(await addRequestNote(tx, repos, viewer, { protocol, note: patch.note }, at));
    if (patch.priority !== undefined) must(await setRequestPriority(tx, repos, viewer, { protocol, priority: patch.priority }, at));
    if (patch.assignee_id !== undefined) must(await assignRequest(tx, repos, viewer, { protocol, assigneeId: patch.assignee_id }, at));
  };

  api.patch('/api/requests/:protocol', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['requests'],
      summary: 'Change status (the citizen and followers are told on WhatsApp, with the note), priority or assignee',
      description:
        'Any user of the request\'s department changes its status or adds a note; attendants may assign only themselves; priority and assigning others are for coordinators and admins. A note without a status is internal.',
      security,
      params: protocolParams,
      body: patchBody,
      response: changeResponses,
    },
  }, (request) => changed(request, request.params.protocol, (tx, viewer, at) => applyPatch(tx, viewer, request.params.protocol, request.body, at)));

  api.post('/api/requests/:protocol/notes', {
    onRequest: deps.requireUser,
    schema: { tags: ['requests'], summary: 'Add an internal note to the request\'s history', security, params: protocolParams, body: noteBody, response: changeResponses },
  }, (request) =>
    changed(request, request.params.protocol, async (tx, viewer, at) => {
      must(await addRequestNote(tx, repos, viewer, { protocol: request.params.protocol, note: request.body.note }, at));
    }));

  api.post('/api/requests/:protocol/duplicate-of', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['requests'],
      summary: 'Link this request to an open request of the same service it repeats (coordinators and admins)',
      description: 'The request then closes along with the primary, and its citizen follows the primary.',
      security,
      params: protocolParams,
      body: linkBody,
      response: changeResponses,
    },
  }, (request) =>
    changed(request, request.params.protocol, async (tx, viewer, at) => {
      must(await linkDuplicate(tx, repos, viewer, { protocol: request.params.protocol, primary: request.body.primary }, at));
    }));

  api.delete('/api/requests/:protocol/duplicate-of', {
    onRequest: deps.requireUser,
    schema: { tags: ['requests'], summary: 'Unlink a repeated report from its primary (coordinators and admins)', security, params: protocolParams, response: changeResponses },
  }, (request) =>
    changed(request, request.params.protocol, async (tx, viewer, at) => {
      must(await unlinkDuplicate(tx, repos, viewer, { protocol: request.params.protocol }, at));
    }));
};
