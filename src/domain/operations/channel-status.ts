import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';

/** Settings rows the sender writes and every instance's console API reads. */
export const CHANNEL_SETTINGS = {
  sendingPaused: 'whatsapp.sending_paused',
  graphUnavailable: 'whatsapp.graph_unavailable',
} as const;

/** Sending stopped because Meta rejected the access token (190). */
export interface PauseRecord {
  code: number;
  detail: string;
  since: number;
}

/** The Graph API failing (timeouts, 5xx): sends are held back and retried. */
export interface GraphOutageRecord {
  since: number;
  detail: string;
}

export interface ChannelStatus {
  sendingPaused: PauseRecord | undefined;
  graphUnavailable: GraphOutageRecord | undefined;
  /** Messages to citizens not yet accepted by Meta, and since when the oldest waits. */
  waiting: { count: number; oldestSince: number | undefined };
}

/** Whether WhatsApp messages are going out, for the console's alert. */
export const channelStatus = async (db: Executor, repos: Repositories): Promise<ChannelStatus> => ({
  sendingPaused: await repos.settings.get<PauseRecord>(db, CHANNEL_SETTINGS.sendingPaused),
  graphUnavailable: await repos.settings.get<GraphOutageRecord>(db, CHANNEL_SETTINGS.graphUnavailable),
  waiting: await repos.outbox.unsent(db),
});
