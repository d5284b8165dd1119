import type { Executor } from '../database.js';
import type { ConsentSubject } from '../schema.js';

export interface NewConsentEvent {
  citizenKey: string;
  subject: ConsentSubject;
  topicId: string | null;
  granted: boolean;
  wording: string;
  channel: 'whatsapp' | 'console';
}

/** The broadcast topics each citizen receives, and the record of every consent given or withdrawn. */
export class ConsentRepository {
  async topicsOf(db: Executor, citizenKey: string): Promise<string[]> {
    const rows = await db.selectFrom('citizen_topics').select('topic_id').where('citizen_key', '=', citizenKey).orderBy('topic_id').execute();
    return rows.map((row) => row.topic_id);
  }

  async addTopics(db: Executor, citizenKey: string, topicIds: readonly string[], now: number): Promise<void> {
    if (topicIds.length === 0) return;
    await db
      .insertInto('citizen_topics')
      .values(topicIds.map((topicId) => ({ citizen_key: citizenKey, topic_id: topicId, opted_in_at: now })))
      .onConflict((oc) => oc.columns(['citizen_key', 'topic_id']).doNothing())
      .execute();
  }

  /** Removes these topics (all of them when `topicIds` is undefined). */
  async removeTopics(db: Executor, citizenKey: string, topicIds?: readonly string[]): Promise<void> {
    if (topicIds?.length === 0) return;
    let query = db.deleteFrom('citizen_topics').where('citizen_key', '=', citizenKey);
    if (topicIds) query = query.where('topic_id', 'in', [...topicIds]);
    await query.execute();
  }

  async record(db: Executor, event: NewConsentEvent, now: number): Promise<void> {
    await db
      .insertInto('consent_events')
      .values({ citizen_key: event.citizenKey, subject: event.subject, topic_id: event.topicId, granted: event.granted ? 1 : 0, wording: event.wording, channel: event.channel, at: now })
      .execute();
  }

  /** A citizen's consents, newest first. */
  async history(db: Executor, citizenKey: string, limit = 200) {
    return db.selectFrom('consent_events').selectAll().where('citizen_key', '=', citizenKey).orderBy('id', 'desc').limit(limit).execute();
  }

  /** Everything about consent of one citizen, when their data is anonymised. */
  async forget(db: Executor, citizenKey: string): Promise<void> {
    await db.deleteFrom('citizen_topics').where('citizen_key', '=', citizenKey).execute();
    await db.deleteFrom('consent_events').where('citizen_key', '=', citizenKey).execute();
  }
}
