import type { GraphClient } from '../../channels/whatsapp-cloud/graph-client.js';
import { GraphError } from '../../channels/whatsapp-cloud/graph-errors.js';
import type { StoreMediaPayload } from '../../domain/messaging/job-kinds.js';
import { contentMatchesType, MAX_MEDIA_BYTES, mediaRuleFor, sameDigest } from '../../domain/messaging/media-policy.js';
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../storage/database.js';
import type { MediaStore } from '../../storage/media-store.js';
import type { MediaRepository } from '../../storage/repositories/media.repository.js';
import type { JobHandler } from '../job-runner.js';

export interface StoreMediaDeps {
  db: Db;
  media: MediaRepository;
  graph: GraphClient;
  store: MediaStore;
  logger: Logger;
}

/**
 * Downloads a citizen's media (URL first, then the bytes with the bearer token), checks type, size and sha256,
 * and keeps it in the media store. Webhook media ids expire after 7 days, so this runs right away.
 */
export const storeMediaHandler = (deps: StoreMediaDeps): JobHandler => async (payload, { complete }) => {
  const { mediaId } = payload as StoreMediaPayload;
  const reject = async (problem: string) => {
    deps.logger.warn({ mediaId, problem }, 'citizen media refused');
    await deps.db.transaction().execute(async (tx) => {
      await deps.media.markRejected(tx, mediaId, problem);
      await complete(tx);
    });
  };
  const existing = await deps.media.byMediaId(deps.db, mediaId);
  if (existing?.status === 'stored') return;
  const info = await deps.graph.mediaInfo(mediaId);
  const rule = mediaRuleFor(info.mimeType);
  if (!rule.ok) return reject(rule.problem);
  if (info.fileSize !== undefined && info.fileSize > rule.maxBytes) return reject(`file of ${info.fileSize} bytes is over ${rule.maxBytes}`);
  let bytes: Buffer;
  try {
    bytes = await deps.graph.downloadMedia(info.url, Math.min(rule.maxBytes, MAX_MEDIA_BYTES));
  } catch (error) {
    if (error instanceof GraphError && error.httpStatus === 413) return reject(error.detail);
    throw error;
  }
  if (!contentMatchesType(bytes, info.mimeType)) return reject(`content does not look like ${info.mimeType}`);
  const { path, sha256 } = await deps.store.put(bytes, rule.extension);
  const declared = info.sha256 ?? existing?.sha256 ?? undefined;
  if (declared && !sameDigest(sha256, declared)) return reject('sha256 does not match what Meta declared');
  await deps.db.transaction().execute(async (tx) => {
    await deps.media.markStored(tx, mediaId, { path, sha256, sizeBytes: bytes.length, mimeType: info.mimeType });
    await complete(tx);
  });
};
