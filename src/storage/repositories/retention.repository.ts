import type { Executor } from '../database.js';

export type RetainedKind = 'inbound' | 'outbound' | 'handoff';

/** Replaces old message contents with a placeholder, in id order, a batch at a time. */
export class RetentionRepository {
  /** Ids after `afterId` older than `cutoff` (ms) whose work is finished (processed, or sent or given up), in order. */
  private async due(db: Executor, kind: RetainedKind, cutoff: number, afterId: number, limit: number): Promise<number[]> {
    const rows =
      kind === 'inbound'
        ? await db.selectFrom('inbound_messages').select('id').where('id', '>', afterId).where('received_at', '<', cutoff).where('processed_at', 'is not', null).orderBy('id').limit(limit).execute()
        : kind === 'outbound'
          ? await db.selectFrom('outbox').select('id').where('id', '>', afterId).where('created_at', '<', cutoff).where('state', 'in', ['accepted', 'rejected']).orderBy('id').limit(limit).execute()
          : await db.selectFrom('handoff_messages').select('id').where('id', '>', afterId).where('at', '<', cutoff).orderBy('id').limit(limit).execute();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Gives the next rows of `kind` that are due `replacement` as their content. Returns how many and the last id, to
   * start from next time (rows are inserted in time order, so everything before it is done).
   */
  async redact(db: Executor, kind: RetainedKind, cutoff: number, afterId: number, limit: number, replacement: string): Promise<{ count: number; lastId: number | undefined }> {
    const ids = await this.due(db, kind, cutoff, afterId, limit);
    if (ids.length === 0) return { count: 0, lastId: undefined };
    if (kind === 'inbound') await db.updateTable('inbound_messages').set({ payload: replacement }).where('id', 'in', ids).execute();
    else if (kind === 'outbound') await db.updateTable('outbox').set({ payload: replacement }).where('id', 'in', ids).execute();
    else await db.updateTable('handoff_messages').set({ body: replacement }).where('id', 'in', ids).execute();
    return { count: ids.length, lastId: ids.at(-1) };
  }
}
