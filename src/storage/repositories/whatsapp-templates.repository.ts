import type { Executor } from '../database.js';
import type { WhatsAppTemplateRow } from '../schema.js';

export interface TemplateRecord {
  name: string;
  language: string;
  category: string;
  status: string;
  /** JSON of the components. */
  components: string;
  bodyParameters: number;
  metaId: string | null;
  source: string;
  statusReason: string | null;
}

export interface TemplateFilter {
  status?: string | undefined;
  category?: string | undefined;
}

/** WhatsApp templates, unique by (name, language). */
export class WhatsAppTemplatesRepository {
  async list(db: Executor, filter: TemplateFilter): Promise<WhatsAppTemplateRow[]> {
    let select = db.selectFrom('whatsapp_templates').selectAll();
    if (filter.status) select = select.where('status', '=', filter.status);
    if (filter.category) select = select.where('category', '=', filter.category);
    return select.orderBy('name').orderBy('language').execute();
  }

  async byId(db: Executor, id: number): Promise<WhatsAppTemplateRow | undefined> {
    return db.selectFrom('whatsapp_templates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byNameAndLanguage(db: Executor, name: string, language: string): Promise<WhatsAppTemplateRow | undefined> {
    return db.selectFrom('whatsapp_templates').selectAll().where('name', '=', name).where('language', '=', language).executeTakeFirst();
  }

  async insert(db: Executor, record: TemplateRecord, createdBy: number | null, now: number): Promise<WhatsAppTemplateRow> {
    return db
      .insertInto('whatsapp_templates')
      .values({ ...columns(record), created_by: createdBy, created_at: now, updated_at: now, missing_since: null })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Replaces what Meta says about a template; it is no longer missing. */
  async replace(db: Executor, id: number, record: TemplateRecord, now: number): Promise<void> {
    await db.updateTable('whatsapp_templates').set({ ...columns(record), missing_since: null, updated_at: now }).where('id', '=', id).execute();
  }

  /** Marks templates read from Meta that a sync did not find any more; returns how many were newly marked. */
  async markMissing(db: Executor, keepIds: readonly number[], now: number): Promise<number> {
    let update = db.updateTable('whatsapp_templates').set({ missing_since: now, updated_at: now }).where('source', '=', 'graph').where('missing_since', 'is', null);
    if (keepIds.length > 0) update = update.where('id', 'not in', keepIds);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Finds a template a webhook speaks of: by Meta's id, else by name and language. */
  async byMetaReference(db: Executor, ref: { metaId: string | null; name: string | null; language: string | null }): Promise<WhatsAppTemplateRow | undefined> {
    if (ref.metaId) {
      const byId = await db.selectFrom('whatsapp_templates').selectAll().where('meta_id', '=', ref.metaId).executeTakeFirst();
      if (byId) return byId;
    }
    return ref.name && ref.language ? this.byNameAndLanguage(db, ref.name, ref.language) : undefined;
  }

  async setStatus(db: Executor, id: number, change: { status?: string; category?: string; statusReason?: string | null }, now: number): Promise<void> {
    await db
      .updateTable('whatsapp_templates')
      .set({
        ...(change.status ? { status: change.status } : {}),
        ...(change.category ? { category: change.category } : {}),
        ...(change.statusReason !== undefined ? { status_reason: change.statusReason } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async remove(db: Executor, id: number): Promise<boolean> {
    const result = await db.deleteFrom('whatsapp_templates').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

const columns = (record: TemplateRecord) => ({
  name: record.name,
  language: record.language,
  category: record.category,
  status: record.status,
  components: record.components,
  body_parameters: record.bodyParameters,
  meta_id: record.metaId,
  source: record.source,
  status_reason: record.statusReason,
});
