import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findStoredMedia } from '../../domain/inbox/index.js';
import { toAppError } from '../../domain/requests/index.js';
import type { Db } from '../../storage/database.js';
import type { MediaStore } from '../../storage/media-store.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { viewerOf } from './viewer.js';

export interface MediaRoutesDeps {
  db: Db;
  repos: Repositories;
  store: MediaStore;
  requireUser: onRequestAsyncHookHandler;
}

/** Photos show in the page; anything else downloads, so a file a citizen sent never runs as the console's own page. */
const dispositionOf = (mimeType: string): string => (mimeType.startsWith('image/') ? 'inline' : 'attachment');

/** Photos and files citizens sent, for the people allowed to see their conversations or requests. */
export const registerMediaRoutes = (app: FastifyInstance, deps: MediaRoutesDeps): void => {
  app.withTypeProvider<ZodTypeProvider>().get('/api/media/:mediaId', {
    onRequest: deps.requireUser,
    schema: {
      tags: ['inbox'],
      summary: 'A photo or file a citizen sent (once checked and stored)',
      security: [{ session: [] }],
      params: z.object({ mediaId: z.string().min(1).max(200) }),
    },
  }, async (request, reply) => {
    const found = await findStoredMedia(deps.db, deps.repos, viewerOf(request), request.params.mediaId);
    if (!found.ok) throw toAppError(found.error);
    const bytes = await deps.store.get(found.value.path);
    return reply
      .header('content-type', found.value.mimeType)
      .header('content-disposition', dispositionOf(found.value.mimeType))
      .header('cache-control', 'private, max-age=86400')
      .send(bytes);
  });
};
