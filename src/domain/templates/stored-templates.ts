import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { TemplateRecord } from '../../storage/repositories/whatsapp-templates.repository.js';
import type { WhatsAppTemplateRow } from '../../storage/schema.js';
import { bodyParameterNames } from './parameters.js';
import type { TemplateCategory, TemplateComponents, TemplateDraft, TemplateSource, TemplateStatus, WhatsAppTemplate } from './types.js';

export const toTemplate = (row: WhatsAppTemplateRow): WhatsAppTemplate => {
  const components = JSON.parse(row.components) as TemplateComponents;
  return {
    id: Number(row.id),
    name: row.name,
    language: row.language,
    category: row.category as TemplateCategory,
    status: row.status as TemplateStatus,
    statusReason: row.status_reason,
    components,
    parameterNames: bodyParameterNames(components.body),
    metaId: row.meta_id,
    source: row.source as TemplateSource,
    missingSince: row.missing_since === null ? null : Number(row.missing_since),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
};

export const toRecord = (draft: TemplateDraft, source: TemplateSource): TemplateRecord => ({
  name: draft.name,
  language: draft.language,
  category: draft.category,
  status: draft.status,
  components: JSON.stringify(draft.components),
  bodyParameters: bodyParameterNames(draft.components.body).length,
  metaId: draft.metaId,
  source,
  statusReason: draft.statusReason ?? null,
});

/** Every stored template, optionally of one status or category, by name and language. */
export const listTemplates = async (
  db: Executor,
  repos: Repositories,
  filter: { status?: TemplateStatus | undefined; category?: TemplateCategory | undefined } = {},
): Promise<WhatsAppTemplate[]> => (await repos.templates.list(db, filter)).map(toTemplate);

export const findTemplate = async (db: Executor, repos: Repositories, id: number): Promise<WhatsAppTemplate | undefined> => {
  const row = await repos.templates.byId(db, id);
  return row ? toTemplate(row) : undefined;
};

/** The template a send names (broadcasts, notices): by name and language. */
export const findTemplateByName = async (db: Executor, repos: Repositories, name: string, language: string): Promise<WhatsAppTemplate | undefined> => {
  const row = await repos.templates.byNameAndLanguage(db, name, language);
  return row ? toTemplate(row) : undefined;
};
