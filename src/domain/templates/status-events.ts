import { z } from 'zod';
import type { Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { KeptChange } from '../messaging/notification.js';
import { BLOCKING_STATUSES, isTemplateCategory, isTemplateStatus, type TemplateStatus } from './types.js';

/** What a template webhook changed, for the logs: a template that can no longer be sent deserves a warning. */
export interface TemplateChange {
  name: string;
  language: string;
  status: string;
  category: string;
  reason: string | null;
  /** The template became REJECTED, PAUSED or DISABLED: sends with it will fail (132001, 132015, 132016). */
  blocked: boolean;
}

const reference = {
  message_template_id: z.union([z.number(), z.string()]).transform(String).optional(),
  message_template_name: z.string().optional(),
  message_template_language: z.string().optional(),
};
const statusUpdate = z.object({ ...reference, event: z.string(), reason: z.string().nullish(), message_template_category: z.string().optional() });
// The notice sent a day ahead carries `correct_category`; only the completed change carries `new_category`.
const categoryUpdate = z.object({ ...reference, new_category: z.string().optional() });

/** Meta's events that are not a status of their own. */
const EVENT_STATUS: Record<string, TemplateStatus> = { REINSTATED: 'APPROVED' };

interface Update {
  ref: { metaId: string | null; name: string | null; language: string | null };
  set: { status?: string; category?: string; statusReason?: string | null };
}

/**
 * Applies `message_template_status_update` and `template_category_update` changes to the stored templates, in the
 * intake's transaction. Templates not stored yet are left to the next sync (the webhook does not carry their text).
 */
export const applyTemplateEvents = async (tx: Tx, repos: Repositories, kept: readonly KeptChange[], now: number): Promise<TemplateChange[]> => {
  const changes: TemplateChange[] = [];
  for (const change of kept) {
    const update = readChange(change);
    const row = update ? await repos.templates.byMetaReference(tx, update.ref) : undefined;
    if (!update || !row) continue;
    await repos.templates.setStatus(tx, Number(row.id), update.set, now);
    const status = update.set.status ?? row.status;
    changes.push({
      name: row.name,
      language: row.language,
      status,
      category: update.set.category ?? row.category,
      reason: update.set.statusReason ?? null,
      blocked: update.set.status !== undefined && (BLOCKING_STATUSES as readonly string[]).includes(status),
    });
  }
  return changes;
};

const refOf = (value: { message_template_id?: string | undefined; message_template_name?: string | undefined; message_template_language?: string | undefined }) => ({
  metaId: value.message_template_id ?? null,
  name: value.message_template_name ?? null,
  language: value.message_template_language ?? null,
});

const readStatusUpdate = (payload: unknown): Update | undefined => {
  const parsed = statusUpdate.safeParse(payload);
  if (!parsed.success) return undefined;
  const { event, reason, message_template_category: category } = parsed.data;
  const status = EVENT_STATUS[event] ?? (isTemplateStatus(event) ? event : undefined);
  return {
    ref: refOf(parsed.data),
    set: { ...(status ? { status } : {}), ...(category && isTemplateCategory(category) ? { category } : {}), statusReason: reason && reason !== 'NONE' ? reason : null },
  };
};

const readCategoryUpdate = (payload: unknown): Update | undefined => {
  const parsed = categoryUpdate.safeParse(payload);
  const category = parsed.success ? parsed.data.new_category : undefined;
  return parsed.success && category && isTemplateCategory(category) ? { ref: refOf(parsed.data), set: { category } } : undefined;
};

const readChange = (change: KeptChange): Update | undefined => {
  if (change.field === 'message_template_status_update') return readStatusUpdate(change.payload);
  if (change.field === 'template_category_update') return readCategoryUpdate(change.payload);
  return undefined;
};
