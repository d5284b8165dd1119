import type { BroadcastTopic } from '../../config/city-profile.js';
import type { BroadcastStatus } from '../../storage/schema.js';
import type { PlaceDirectory } from '../places/index.js';

export type { BroadcastStatus } from '../../storage/schema.js';
export const BROADCAST_STATUSES = ['scheduled', 'sending', 'paused', 'done', 'cancelled'] as const satisfies readonly BroadcastStatus[];

/** Who a broadcast is for, as a coordinator chose it: topics, and neighbourhoods (place ids) or whole regions. */
export interface BroadcastAudience {
  topics: string[];
  neighborhoods: string[];
  regions: string[];
}

export interface BroadcastTemplateChoice {
  name: string;
  language: string;
  parameters: string[];
}

/** What the broadcasts domain needs of the city profile. */
export interface BroadcastCity {
  timezone: string;
  broadcastTopics: readonly BroadcastTopic[];
  places: PlaceDirectory;
}

/** The Graph message a broadcast sends, built by the WhatsApp channel from this description. */
export interface BroadcastMessageSpec {
  name: string;
  language: string;
  parameters: string[];
  /** A link to the image, video or document of a template with a media header. */
  headerMedia: { format: 'IMAGE' | 'VIDEO' | 'DOCUMENT'; link: string } | null;
}
export type BuildBroadcastMessage = (spec: BroadcastMessageSpec) => unknown;

export interface BroadcastFigures {
  total: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  optedOut: number;
}

export interface BroadcastSummary {
  id: number;
  title: string;
  status: BroadcastStatus;
  sendAt: number;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  figures: BroadcastFigures;
}

export interface BroadcastDetail extends BroadcastSummary {
  template: BroadcastTemplateChoice;
  audience: BroadcastAudience;
  headerMediaUrl: string | null;
  failedByReason: Record<string, number>;
  ratePerSecond: number;
  /** Null when not sending. */
  etaSeconds: number | null;
  createdByName: string | null;
  /** While sending is held by the quiet hours: when it goes on. */
  quietUntil: number | null;
}

export interface BroadcastFailure {
  recipientId: number;
  citizenKey: string;
  code: number | null;
  at: number;
}
