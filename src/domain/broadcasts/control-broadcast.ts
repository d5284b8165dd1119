import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { managesQueues, type StaffViewer } from '../attendants/staff.js';
import { recordAudit } from '../audit/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { FORBIDDEN_MESSAGE } from './create-broadcast.js';
import { CONTROLS, notAllowedMessage, type BroadcastControl } from './lifecycle.js';

const CHANGES = {
  pause: (now: number) => ({ status: 'paused' as const, paused_at: now }),
  resume: () => ({ status: 'sending' as const, paused_at: null }),
  cancel: (now: number) => ({ status: 'cancelled' as const, finished_at: now }),
};

/**
 * Pauses, resumes or cancels a broadcast, audited. Pausing and cancelling hold back at once the messages already
 * handed to the outbox; on resume the runner lets them go again.
 */
export const controlBroadcast = async (
  deps: { db: Db; repos: Repositories },
  viewer: StaffViewer,
  id: number,
  control: BroadcastControl,
  now: number,
): Promise<Result<{ id: number }, 'forbidden' | 'not_found' | 'not_allowed'>> => {
  if (!managesQueues(viewer)) return fail('forbidden', 'forbidden', FORBIDDEN_MESSAGE);
  const { repos } = deps;
  return deps.db.transaction().execute(async (tx) => {
    const before = await repos.broadcasts.byId(tx, id);
    if (!before) return fail('not_found', 'not_found', 'Aviso não encontrado.');
    if (!(await repos.broadcasts.transition(tx, id, CONTROLS[control].from, CHANGES[control](now), now))) return fail('not_allowed', 'conflict', notAllowedMessage(control));
    if (control !== 'resume') await repos.broadcastRecipients.setSendBefore(tx, id, now);
    await recordAudit(tx, repos, { actorUserId: viewer.id, action: `broadcast.${control}`, subject: { type: 'broadcast', id: String(id) }, details: { title: before.title, from: before.status } }, now);
    return ok({ id });
  });
};
