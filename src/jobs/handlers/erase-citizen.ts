import { eraseOnCitizenRequest } from '../../domain/citizen-records/index.js';
import type { EraseCitizenPayload } from '../../domain/messaging/job-kinds.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import { maskPhone } from '../../platform/redact.js';
import type { Db } from '../../storage/database.js';
import type { MediaStore } from '../../storage/media-store.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { JobHandler } from '../job-runner.js';

export interface EraseCitizenDeps {
  db: Db;
  repos: Repositories;
  media: MediaStore;
  clock: Clock;
  logger: Logger;
}

/** Tries while the citizen's last replies (the confirmation) are still to be sent; then erases regardless. */
const WAIT_FOR_REPLIES_ATTEMPTS = 5;

/** Carries out a citizen's confirmed "apagar meus dados" (see eraseOnCitizenRequest). */
export const eraseCitizenHandler = (deps: EraseCitizenDeps): JobHandler => async (payload, { job, complete }) => {
  const { citizenKey } = payload as EraseCitizenPayload;
  const citizen = await deps.repos.citizens.byKey(deps.db, citizenKey);
  const unsent = await deps.repos.outbox.unsentCountFor(deps.db, [...new Set([citizenKey, citizen?.wa_id ?? ''])].filter(Boolean));
  if (unsent > 0 && job.attempts < WAIT_FOR_REPLIES_ATTEMPTS) throw new Error(`waiting for ${unsent} replies to the citizen to go out before erasing`);
  const removed = await eraseOnCitizenRequest(deps, citizenKey, deps.clock.now().getTime(), complete);
  deps.logger.info({ citizen: maskPhone(citizenKey), requestsKept: removed?.requestsKept ?? 0, unsentDropped: unsent }, 'citizen data erased on their request');
};
