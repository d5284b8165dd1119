import type { GraphClient } from '../../channels/whatsapp-cloud/graph-client.js';
import { handleInboundMessage, type InboundHandlingDeps } from '../../domain/messaging/handle-inbound-message.js';
import type { ProcessInboundPayload } from '../../domain/messaging/job-kinds.js';
import type { Clock } from '../../platform/clock.js';
import type { Logger } from '../../platform/logger.js';
import type { Metrics } from '../../platform/metrics.js';
import type { JobHandler } from '../job-runner.js';

export interface ProcessInboundDeps extends InboundHandlingDeps {
  graph: GraphClient;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** Called after replies were queued, so the dispatcher sends them at once. */
  onReplies: () => void;
  /** Called after a message reached the attendants' queue, so consoles refresh. */
  onHandoff: () => void;
}

/** Marks the message read with "typing…" while the bot works, then runs it through the conversation. */
export const processInboundHandler = (deps: ProcessInboundDeps): JobHandler => async (payload, { complete, job }) => {
  const { wamid } = payload as ProcessInboundPayload;
  if (job.attempts === 1) {
    deps.graph.markRead(wamid, true).catch((error: unknown) => deps.logger.debug({ err: error, wamid }, 'mark-as-read failed'));
  }
  const { replies, effects, receivedAt } = await handleInboundMessage(deps, wamid, deps.clock.now().getTime(), complete);
  // From our webhook storing it to the conversation answering: how far behind the workers are.
  if (receivedAt !== undefined) deps.metrics.processingLag.observe(Math.max(0, deps.clock.now().getTime() - receivedAt) / 1000);
  if (replies > 0) deps.onReplies();
  if (effects.includes('handoff')) deps.onHandoff();
};
