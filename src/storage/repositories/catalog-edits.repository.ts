import type { Executor } from '../database.js';
import type { CatalogTextEditRow, TrainingPhraseEditRow } from '../schema.js';

/** Coordinators' changes to catalog texts and training phrases, applied over the city profile's files. */
export class CatalogEditsRepository {
  async textEdits(db: Executor): Promise<CatalogTextEditRow[]> {
    return db.selectFrom('catalog_text_edits').selectAll().orderBy('service_code').orderBy('field').execute();
  }

  async saveText(db: Executor, edit: { serviceCode: string; field: string; value: string; updatedBy: number }, now: number): Promise<void> {
    await db
      .insertInto('catalog_text_edits')
      .values({ service_code: edit.serviceCode, field: edit.field, value: edit.value, updated_by: edit.updatedBy, updated_at: now })
      .onConflict((oc) => oc.columns(['service_code', 'field']).doUpdateSet({ value: edit.value, updated_by: edit.updatedBy, updated_at: now }))
      .execute();
  }

  async removeText(db: Executor, serviceCode: string, field: string): Promise<void> {
    await db.deleteFrom('catalog_text_edits').where('service_code', '=', serviceCode).where('field', '=', field).execute();
  }

  async phraseEdits(db: Executor): Promise<TrainingPhraseEditRow[]> {
    return db.selectFrom('training_phrase_edits').selectAll().orderBy('intent').orderBy('updated_at').orderBy('phrase').execute();
  }

  async savePhrase(db: Executor, edit: { intent: string; phrase: string; change: 'added' | 'removed'; updatedBy: number }, now: number): Promise<void> {
    await db
      .insertInto('training_phrase_edits')
      .values({ intent: edit.intent, phrase: edit.phrase, change: edit.change, updated_by: edit.updatedBy, updated_at: now })
      .onConflict((oc) => oc.columns(['intent', 'phrase']).doUpdateSet({ change: edit.change, updated_by: edit.updatedBy, updated_at: now }))
      .execute();
  }

  async removePhrase(db: Executor, intent: string, phrase: string): Promise<void> {
    await db.deleteFrom('training_phrase_edits').where('intent', '=', intent).where('phrase', '=', phrase).execute();
  }
}
