import type { Simulator } from '../channels/simulator/index.js';
import type { GraphClient } from '../channels/whatsapp-cloud/graph-client.js';
import { toMetaComponents, toTemplateDraft } from '../channels/whatsapp-cloud/message-templates.js';
import { listTemplates, syncTemplates, type TemplateDraft, type WhatsAppTemplate } from '../domain/templates/index.js';
import type { TemplateChannel } from '../http/api/template-channel.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Db } from '../storage/database.js';
import type { Repositories } from '../storage/repositories/index.js';

const fetchDrafts = async (graph: GraphClient, businessAccountId: string, logger: Logger): Promise<TemplateDraft[]> => {
  const items = await graph.messageTemplates(businessAccountId);
  const drafts = items.flatMap((item) => toTemplateDraft(item) ?? []);
  if (drafts.length < items.length) logger.warn({ skipped: items.length - drafts.length }, 'WhatsApp templates with an unknown status or category were not stored');
  return drafts;
};

/** The simulator "approves" a template entered by hand, so it can be sent. */
const toSimulatorTemplate = (template: WhatsAppTemplate) => ({
  name: template.name,
  language: template.language,
  bodyParameters: template.parameterNames.length,
  category: template.category,
  body: template.components.body,
  quickReplies: template.components.buttons.filter((b) => b.type === 'QUICK_REPLY').map((b) => b.text),
  components: toMetaComponents(template.components),
});

export const templateChannel = (deps: { businessAccountId: string | undefined; graph: GraphClient; simulator: Simulator | undefined; logger: Logger }): TemplateChannel => {
  const { businessAccountId, graph, simulator, logger } = deps;
  return {
    fetchAll: businessAccountId ? () => fetchDrafts(graph, businessAccountId, logger) : undefined,
    ...(simulator
      ? { mirror: { added: (t: WhatsAppTemplate) => simulator.upsertTemplate(toSimulatorTemplate(t)), removed: (t: WhatsAppTemplate) => void simulator.removeTemplate(t.name, t.language) } }
      : {}),
  };
};

/**
 * Simulator mode, once the server listens: the templates entered by hand go back into the (fresh) simulator, then the
 * registry is synced from it. A failure is logged and the app starts anyway: templates can be synced from the console.
 */
export const syncTemplatesOnStart = async (deps: { db: Db; repos: Repositories; channel: TemplateChannel; clock: Clock; logger: Logger }): Promise<void> => {
  const { db, repos, channel, clock, logger } = deps;
  const manual = (await listTemplates(db, repos)).filter((t) => t.source === 'manual');
  for (const template of manual) channel.mirror?.added(template);
  if (!channel.fetchAll) return;
  try {
    const summary = await syncTemplates(db, repos, channel.fetchAll, { actorUserId: null, now: () => clock.now().getTime() });
    logger.info(summary, 'WhatsApp templates synced');
  } catch (error) {
    logger.warn({ err: error }, 'WhatsApp template sync at start failed; templates can be synced from the console');
  }
};
