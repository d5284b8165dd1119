import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { managesQueues, type StaffViewer } from '../attendants/staff.js';
import { recordAudit } from '../audit/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { toRecord, toTemplate } from './stored-templates.js';
import type { TemplateDraft, WhatsAppTemplate } from './types.js';
import { validateTemplateDraft } from './validate-draft.js';

const FORBIDDEN = 'Só coordenadores e administradores cuidam dos modelos de mensagem.';

/** A template typed in by a coordinator (cities without the business account id configured); audited. */
export const addManualTemplate = async (
  db: Db,
  repos: Repositories,
  viewer: StaffViewer,
  draft: TemplateDraft,
  now: number,
): Promise<Result<WhatsAppTemplate, 'forbidden' | 'invalid_template' | 'template_exists'>> => {
  if (!managesQueues(viewer)) return fail('forbidden', 'forbidden', FORBIDDEN);
  const valid = validateTemplateDraft(draft);
  if (!valid.ok) return valid;
  return db.transaction().execute(async (tx) => {
    if (await repos.templates.byNameAndLanguage(tx, draft.name, draft.language)) {
      return fail('template_exists', 'conflict', `Já existe o modelo ${draft.name} no idioma ${draft.language}.`);
    }
    const template = toTemplate(await repos.templates.insert(tx, toRecord(draft, 'manual'), viewer.id, now));
    const details = { name: draft.name, language: draft.language, category: draft.category };
    await recordAudit(tx, repos, { actorUserId: viewer.id, action: 'template.added', subject: { type: 'whatsapp_template', id: String(template.id) }, details }, now);
    return ok(template);
  });
};

/** Removes a template entered by hand; those read from Meta are Meta's to delete. Audited. */
export const removeManualTemplate = async (
  db: Db,
  repos: Repositories,
  viewer: StaffViewer,
  id: number,
  now: number,
): Promise<Result<WhatsAppTemplate, 'forbidden' | 'not_found' | 'template_from_meta'>> => {
  if (!managesQueues(viewer)) return fail('forbidden', 'forbidden', FORBIDDEN);
  return db.transaction().execute(async (tx) => {
    const row = await repos.templates.byId(tx, id);
    if (!row) return fail('not_found', 'not_found', 'Modelo não encontrado: talvez já tenha sido removido.');
    const template = toTemplate(row);
    if (template.source !== 'manual') {
      return fail('template_from_meta', 'conflict', 'Este modelo veio da Meta: remova-o no Gerenciador do WhatsApp e sincronize de novo.');
    }
    await repos.templates.remove(tx, id);
    const details = { name: template.name, language: template.language };
    await recordAudit(tx, repos, { actorUserId: viewer.id, action: 'template.removed', subject: { type: 'whatsapp_template', id: String(id) }, details }, now);
    return ok(template);
  });
};
