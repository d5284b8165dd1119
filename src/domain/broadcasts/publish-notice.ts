import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { publishBroadcastNotice } from '../notices/index.js';
import { findTemplateByName, renderTemplatePreview } from '../templates/index.js';
import { normalizeAudience } from './audience.js';
import type { BroadcastAudience } from './types.js';

/**
 * WhatsApp Status cannot be posted through the Cloud API, so a broadcast that starts is published on the public page
 * and feed too, with the words citizens receive (the template's body with its values). Once per broadcast.
 */
export const publishBroadcastOnNoticeBoard = async (db: Executor, repos: Repositories, broadcastId: number, now: number): Promise<void> => {
  const broadcast = await repos.broadcasts.byId(db, broadcastId);
  if (!broadcast) return;
  const template = await findTemplateByName(db, repos, broadcast.template_name, broadcast.template_language);
  const parameters = JSON.parse(broadcast.parameters) as string[];
  const body = template ? renderTemplatePreview(template, parameters) : broadcast.title;
  const { topics } = normalizeAudience(JSON.parse(broadcast.audience) as Partial<BroadcastAudience>);
  await publishBroadcastNotice(db, repos, { broadcastId, title: broadcast.title, body, topics }, now);
};
