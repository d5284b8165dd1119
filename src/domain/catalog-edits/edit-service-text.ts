import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { recordAudit } from '../audit/index.js';
import { checkServiceText, findService, isServiceTextField, serviceText, type CatalogService } from '../catalog/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { markCatalogChanged, type LiveCatalog } from './live-catalog.js';

export type EditServiceTextError = 'service_not_found' | 'invalid_text';

export interface ServiceTextChange {
  serviceCode: string;
  field: string;
  /** The new wording; null puts back the city profile's text. */
  value: string | string[] | null;
  actorUserId: number;
}

const sameText = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Rewords one text of a service (its name, menu row, a question it asks, its guidance). Citizens see the new
 * wording from their next message on, on every instance; the profile's text stays as the default to go back to.
 */
export const editServiceText = async (
  db: Db,
  repos: Repositories,
  live: LiveCatalog,
  change: ServiceTextChange,
  now: number,
): Promise<Result<CatalogService, EditServiceTextError>> => {
  const original = findService(live.defaults.catalog, change.serviceCode);
  if (!original) return fail('service_not_found', 'not_found', 'Serviço não encontrado.');
  const { field } = change;
  if (!isServiceTextField(original, field)) return fail('invalid_text', 'invalid_input', `O texto "${field}" não existe para o serviço ${original.name}.`, { field });
  const checked = change.value === null ? undefined : checkServiceText(original, field, change.value);
  if (checked && !checked.ok) return fail('invalid_text', 'invalid_input', checked.problem, { field });
  const backToDefault = !checked || sameText(checked.value, serviceText(original, field));

  await db.transaction().execute(async (tx) => {
    if (backToDefault) await repos.catalogEdits.removeText(tx, original.code, field);
    else await repos.catalogEdits.saveText(tx, { serviceCode: original.code, field, value: JSON.stringify(checked.value), updatedBy: change.actorUserId }, now);
    await recordAudit(tx, repos, { actorUserId: change.actorUserId, action: 'catalog.text_changed', subject: { type: 'service', id: original.code }, details: { field, default: backToDefault } }, now);
    await markCatalogChanged(tx, repos, now);
  });
  await live.reload();
  const edited = findService(live.catalog, original.code);
  return edited ? ok(edited) : fail('service_not_found', 'not_found', 'Serviço não encontrado.');
};
