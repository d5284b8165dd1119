import type { Executor } from '../database.js';
import type { CartaEntryEditRow, CartaQuestionOutcome, CartaQuestionRow } from '../schema-carta.js';

export interface NewCartaQuestion {
  citizenRef: string;
  text: string;
  entryId: string | null;
  outcome: CartaQuestionOutcome;
}

export interface CartaQuestionFilter {
  outcomes: readonly CartaQuestionOutcome[];
  /** false: only those not yet handled; undefined: all. */
  resolved?: boolean | undefined;
  limit: number;
}

/** Coordinators' versions of Carta entries, and the questions citizens asked the bot. */
export class CartaRepository {
  async entryEdits(db: Executor): Promise<CartaEntryEditRow[]> {
    return db.selectFrom('carta_entry_edits').selectAll().orderBy('entry_id').execute();
  }

  async entryEdit(db: Executor, entryId: string): Promise<CartaEntryEditRow | undefined> {
    return db.selectFrom('carta_entry_edits').selectAll().where('entry_id', '=', entryId).executeTakeFirst();
  }

  async saveEntry(db: Executor, edit: { entryId: string; value: string; origin: 'edited' | 'added'; updatedBy: number }, now: number): Promise<void> {
    await db
      .insertInto('carta_entry_edits')
      .values({ entry_id: edit.entryId, value: edit.value, origin: edit.origin, updated_by: edit.updatedBy, updated_at: now })
      .onConflict((oc) => oc.column('entry_id').doUpdateSet({ value: edit.value, updated_by: edit.updatedBy, updated_at: now }))
      .execute();
  }

  async removeEntry(db: Executor, entryId: string): Promise<void> {
    await db.deleteFrom('carta_entry_edits').where('entry_id', '=', entryId).execute();
  }

  async recordQuestion(db: Executor, question: NewCartaQuestion, now: number): Promise<number> {
    const row = await db
      .insertInto('carta_questions')
      .values({ citizen_ref: question.citizenRef, text: question.text, entry_id: question.entryId, outcome: question.outcome, asked_at: now, resolved_at: null, resolved_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** The citizen's last answered question since `since`: the one "não era isso" is about. */
  async lastAnswered(db: Executor, citizenRef: string, since: number): Promise<CartaQuestionRow | undefined> {
    return db
      .selectFrom('carta_questions')
      .selectAll()
      .where('citizen_ref', '=', citizenRef)
      .where('outcome', '=', 'answered')
      .where('asked_at', '>=', since)
      .orderBy('asked_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async setOutcome(db: Executor, id: number, outcome: CartaQuestionOutcome): Promise<void> {
    await db.updateTable('carta_questions').set({ outcome }).where('id', '=', id).execute();
  }

  async questions(db: Executor, filter: CartaQuestionFilter): Promise<CartaQuestionRow[]> {
    let select = db.selectFrom('carta_questions').selectAll().where('outcome', 'in', [...filter.outcomes]);
    if (filter.resolved === false) select = select.where('resolved_at', 'is', null);
    if (filter.resolved === true) select = select.where('resolved_at', 'is not', null);
    return select.orderBy('asked_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  }

  async question(db: Executor, id: number): Promise<CartaQuestionRow | undefined> {
    return db.selectFrom('carta_questions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async resolve(db: Executor, id: number, by: number, now: number): Promise<void> {
    await db.updateTable('carta_questions').set({ resolved_at: now, resolved_by: by }).where('id', '=', id).execute();
  }

  /** How many times the bot answered with each entry since `since`. */
  async answerCounts(db: Executor, since: number): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('carta_questions')
      .select(['entry_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('asked_at', '>=', since)
      .where('entry_id', 'is not', null)
      .where('outcome', 'in', ['answered', 'not_helpful'])
      .groupBy('entry_id')
      .execute();
    return new Map(rows.map((row) => [String(row.entry_id), Number(row.n)]));
  }

  async ofCitizen(db: Executor, citizenRef: string): Promise<CartaQuestionRow[]> {
    return db.selectFrom('carta_questions').selectAll().where('citizen_ref', '=', citizenRef).orderBy('id').execute();
  }

  /** Erasing or anonymising a citizen removes what they asked. */
  async forgetCitizen(db: Executor, citizenRef: string): Promise<number> {
    const result = await db.deleteFrom('carta_questions').where('citizen_ref', '=', citizenRef).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Retention: questions older than `cutoff` are deleted, as message contents are redacted. */
  async forgetBefore(db: Executor, cutoff: number): Promise<number> {
    const result = await db.deleteFrom('carta_questions').where('asked_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
