import type { Executor } from '../database.js';
import type { MediaRow } from '../schema.js';

export interface NewMedia {
  mediaId: string;
  inboundWamid: string;
  citizenKey: string;
  mimeType: string;
}

/** Photos, audio and documents citizens sent, with where their bytes are kept. */
export class MediaRepository {
  async register(db: Executor, media: NewMedia, now: number): Promise<void> {
    await db
      .insertInto('media')
      .values({
        media_id: media.mediaId,
        inbound_wamid: media.inboundWamid,
        citizen_key: media.citizenKey,
        mime_type: media.mimeType,
        status: 'pending',
        created_at: now,
      })
      .onConflict((oc) => oc.column('media_id').doNothing())
      .execute();
  }

  async markStored(db: Executor, mediaId: string, stored: { path: string; sha256: string; sizeBytes: number; mimeType: string }): Promise<void> {
    await db
      .updateTable('media')
      .set({ status: 'stored', path: stored.path, sha256: stored.sha256, size_bytes: stored.sizeBytes, mime_type: stored.mimeType, problem: null })
      .where('media_id', '=', mediaId)
      .execute();
  }

  async markRejected(db: Executor, mediaId: string, problem: string): Promise<void> {
    await db.updateTable('media').set({ status: 'rejected', problem }).where('media_id', '=', mediaId).execute();
  }

  async byMediaId(db: Executor, mediaId: string): Promise<MediaRow | undefined> {
    return db.selectFrom('media').selectAll().where('media_id', '=', mediaId).executeTakeFirst();
  }

  async forInbound(db: Executor, wamid: string): Promise<MediaRow[]> {
    return db.selectFrom('media').selectAll().where('inbound_wamid', '=', wamid).orderBy('id').execute();
  }

  /** Whether a request of the department carries this file among its photos. */
  async inRequestOf(db: Executor, mediaId: string, departmentId: string): Promise<boolean> {
    // media_ids is a JSON array of strings; Meta's media ids are digits, so the quoted id matches exactly.
    const row = await db
      .selectFrom('service_requests')
      .select('id')
      .where('department_id', '=', departmentId)
      .where('media_ids', 'like', `%${JSON.stringify(mediaId)}%`)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
