import type { Executor } from '../../storage/database.js';
import type { BroadcastView } from '../../storage/repositories/broadcasts.repository.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { isQuietTime, nextSendingTime, sendingFinishTime } from './quiet-hours.js';
import type { BroadcastAudience, BroadcastDetail, BroadcastFailure, BroadcastSummary } from './types.js';

export interface ReadDeps {
  db: Executor;
  repos: Repositories;
  timezone: string;
}

const orNull = (n: number | null): number | null => (n === null ? null : Number(n));

const summaryOf = (v: BroadcastView): BroadcastSummary => ({
  id: Number(v.id),
  title: v.title,
  status: v.status,
  sendAt: Number(v.send_at),
  createdAt: Number(v.created_at),
  startedAt: orNull(v.started_at),
  finishedAt: orNull(v.finished_at),
  figures: { total: Number(v.total), sent: Number(v.sent), delivered: Number(v.delivered), read: Number(v.read), failed: Number(v.failed), optedOut: Number(v.opted_out) },
});

/** Newest first. */
export const listBroadcasts = async (deps: ReadDeps, limit = 200): Promise<BroadcastSummary[]> => (await deps.repos.broadcasts.list(deps.db, limit)).map(summaryOf);

/** Seconds until every recipient had their turn, at the recent rate and around the quiet hours; null when not sending. */
const etaSeconds = (v: BroadcastView, now: number, timezone: string): number | null => {
  const rate = Number(v.rate_per_second);
  if (v.status !== 'sending' || rate <= 0) return null;
  const remaining = Math.max(0, Number(v.total) - Number(v.settled));
  return Math.ceil((sendingFinishTime(new Date(now), (remaining / rate) * 1000, timezone).getTime() - now) / 1000);
};

export const broadcastDetail = async (deps: ReadDeps, id: number, now: number): Promise<BroadcastDetail | undefined> => {
  const v = await deps.repos.broadcasts.byId(deps.db, id);
  if (!v) return undefined;
  const byCode = await deps.repos.broadcastRecipients.failuresByCode(deps.db, id);
  const held = v.status === 'sending' && isQuietTime(new Date(now), deps.timezone);
  return {
    ...summaryOf(v),
    template: { name: v.template_name, language: v.template_language, parameters: JSON.parse(v.parameters) as string[] },
    audience: JSON.parse(v.audience) as BroadcastAudience,
    headerMediaUrl: v.header_media_url,
    failedByReason: Object.fromEntries(byCode.map(({ code, n }) => [code === null ? 'unknown' : String(code), n])),
    ratePerSecond: v.status === 'sending' && !held ? Number(v.rate_per_second) : 0,
    etaSeconds: etaSeconds(v, now, deps.timezone),
    createdByName: v.created_by_name,
    quietUntil: held ? nextSendingTime(new Date(now), deps.timezone).getTime() : null,
  };
};

/** Failed recipients, newest first, a page at a time; undefined when there is no such broadcast. */
export const broadcastFailures = async (deps: ReadDeps, id: number, before: number | undefined, limit: number): Promise<{ failures: BroadcastFailure[]; nextBefore: number | null } | undefined> => {
  if (!(await deps.repos.broadcasts.byId(deps.db, id))) return undefined;
  const rows = await deps.repos.broadcastRecipients.failures(deps.db, id, before, limit);
  const failures = rows.map((r) => ({ recipientId: Number(r.id), citizenKey: r.citizen_key, code: r.error_code === null ? null : Number(r.error_code), at: Number(r.failed_at ?? r.updated_at) }));
  return { failures, nextBefore: rows.length === limit ? (failures.at(-1)?.recipientId ?? null) : null };
};
