import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import type { InboxViewer } from './types.js';
import { seesEveryQueue } from './visibility.js';

export interface StoredMediaRef {
  path: string;
  mimeType: string;
  sizeBytes: number | null;
}

/**
 * A photo or file a citizen sent, for the console: only once it is stored (checked and kept), and only to someone who
 * may see that citizen's conversations — every queue, or a department whose queue the citizen was in or whose
 * request carries the file.
 */
export const findStoredMedia = async (db: Executor, repos: Repositories, viewer: InboxViewer, mediaId: string): Promise<Result<StoredMediaRef, 'media_not_found'>> => {
  const notFound = fail('media_not_found', 'not_found', 'Arquivo não encontrado.');
  const media = await repos.media.byMediaId(db, mediaId);
  if (!media || media.status !== 'stored' || !media.path) return notFound;
  if (!seesEveryQueue(viewer)) {
    const department = viewer.departmentId ?? '';
    const inQueue = await repos.handoffs.citizenInQueue(db, media.citizen_key, department);
    const inRequest = !inQueue && (await repos.media.inRequestOf(db, mediaId, department));
    if (!inQueue && !inRequest) return notFound;
  }
  return ok({ path: media.path, mimeType: media.mime_type, sizeBytes: media.size_bytes });
};
