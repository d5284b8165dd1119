import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { recordAudit } from '../audit/index.js';
import { toRecord } from './stored-templates.js';
import type { TemplateDraft } from './types.js';

export interface SyncSummary {
  /** Templates Meta listed. */
  total: number;
  created: number;
  updated: number;
  /** Templates read from Meta before that it no longer lists (kept, marked missing). */
  missing: number;
}

/**
 * Reads every template of the business account (`fetchAll` follows Meta's paging) and stores them. A failure while
 * reading changes nothing: the whole list is read before the one transaction that writes it. Meta is the authority on
 * status, category and content; a template entered by hand keeps its `manual` source (it stays removable).
 */
export const syncTemplates = async (
  db: Db,
  repos: Repositories,
  fetchAll: () => Promise<TemplateDraft[]>,
  context: { actorUserId: number | null; now: () => number },
): Promise<SyncSummary> => {
  const drafts = await fetchAll();
  const now = context.now();
  return db.transaction().execute(async (tx) => {
    const seen: number[] = [];
    let created = 0;
    for (const draft of drafts) {
      const existing = await repos.templates.byNameAndLanguage(tx, draft.name, draft.language);
      const record = toRecord(draft, existing?.source === 'manual' ? 'manual' : 'graph');
      if (existing) {
        await repos.templates.replace(tx, Number(existing.id), record, now);
        seen.push(Number(existing.id));
      } else {
        seen.push(Number((await repos.templates.insert(tx, record, null, now)).id));
        created += 1;
      }
    }
    const missing = await repos.templates.markMissing(tx, seen, now);
    const summary = { total: drafts.length, created, updated: drafts.length - created, missing };
    await recordAudit(tx, repos, { actorUserId: context.actorUserId, action: 'template.synced', subject: { type: 'whatsapp_template', id: 'all' }, details: { ...summary } }, now);
    return summary;
  });
};
