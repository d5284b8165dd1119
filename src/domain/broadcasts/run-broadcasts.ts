import type { Db, Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { BroadcastRow } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { normalizeAudience, resolveAudience } from './audience.js';
import { publishBroadcastOnNoticeBoard } from './publish-notice.js';
import { isQuietTime, nextQuietStart } from './quiet-hours.js';
import type { BroadcastAudience, BroadcastCity } from './types.js';

export interface RunnerContext {
  db: Db;
  repos: Repositories;
  city: BroadcastCity;
  /** How many of a broadcast's messages may wait in the outbox at once: memory and pauses stay small. */
  window: number;
  /** Citizens copied into a broadcast's recipients per step. */
  snapshotChunk: number;
  /** How long a cancelled broadcast's messages may still be in flight before the waiting ones are withdrawn. */
  cancelGraceMs: number;
}

const RATE_SAMPLE_MS = 5_000;
/** Meta's refusals of the template or its header media, not of one recipient (WHATSAPP.md §6). */
const TEMPLATE_REFUSALS = [131053, 132000, 132001, 132005, 132007, 132008, 132012, 132015, 132016];

/** Starts the scheduled broadcasts whose time came, outside the quiet hours; each starts once, whoever claims it. */
export const startDueBroadcasts = async (ctx: RunnerContext, now: number): Promise<number> => {
  if (isQuietTime(new Date(now), ctx.city.timezone)) return 0;
  let started = 0;
  for (const id of await ctx.repos.broadcasts.dueIds(ctx.db, now)) {
    const claimed = await ctx.db.transaction().execute(async (tx) => {
      if (!(await ctx.repos.broadcasts.transition(tx, id, ['scheduled'], { status: 'sending', started_at: now, rate_sample_at: now }, now))) return false;
      await publishBroadcastOnNoticeBoard(tx, ctx.repos, id, now);
      return true;
    });
    if (claimed) started += 1;
  }
  return started;
};

const audienceOf = (b: BroadcastRow): BroadcastAudience => normalizeAudience(JSON.parse(b.audience) as Partial<BroadcastAudience>);

/** Copies the next chunk of the audience; a broadcast whose audience the city no longer knows is cancelled. */
const copyAudience = async (ctx: RunnerContext, tx: Executor, b: BroadcastRow, now: number): Promise<void> => {
  const filter = resolveAudience(ctx.city, audienceOf(b));
  if (!filter.ok) {
    await ctx.repos.broadcasts.update(tx, b.id, { status: 'cancelled', finished_at: now }, now);
    const details = { reason: filter.error.message };
    await recordAudit(tx, ctx.repos, { actorUserId: null, action: 'broadcast.cancel', subject: { type: 'broadcast', id: String(b.id) }, details }, now);
    return;
  }
  const chunk = await ctx.repos.broadcastRecipients.snapshotChunk(tx, b.id, filter.value, b.snapshot_after, ctx.snapshotChunk, now);
  await ctx.repos.broadcasts.update(tx, b.id, { total: Number(b.total) + chunk.inserted, snapshot_after: chunk.last ?? b.snapshot_after, snapshot_done: chunk.done ? 1 : 0 }, now);
};

/** Counts what the outbox did with the messages handed to it; returns how many Meta refused. */
const settle = async (ctx: RunnerContext, tx: Executor, id: number, now: number): Promise<number> => {
  const { accepted, rejected, gone } = await ctx.repos.broadcastRecipients.settle(tx, id, now);
  if (accepted + rejected + gone > 0) await ctx.repos.broadcasts.addToCounters(tx, id, { sent: accepted, delivered: 0, read: 0, failed: rejected, settled: accepted + rejected + gone }, now);
  return rejected;
};

/**
 * Meta refusing the template itself (unapproved, paused, wrong parameters, unusable header media) would fail every
 * message to come: the broadcast is paused for a coordinator to look at. Audited as done by the system.
 */
const pauseIfTemplateRefused = async (ctx: RunnerContext, tx: Executor, b: BroadcastRow, now: number): Promise<boolean> => {
  const code = await ctx.repos.broadcastRecipients.firstFailureWith(tx, b.id, TEMPLATE_REFUSALS);
  if (code === undefined) return false;
  await ctx.repos.broadcasts.update(tx, b.id, { status: 'paused', paused_at: now }, now);
  await ctx.repos.broadcastRecipients.setSendBefore(tx, b.id, now);
  const details = { title: b.title, reason: 'template_refused', code };
  await recordAudit(tx, ctx.repos, { actorUserId: null, action: 'broadcast.pause', subject: { type: 'broadcast', id: String(b.id) }, details }, now);
  return true;
};

/**
 * Hands the outbox the next batch, within the window and never past the next quiet hours; done once all had their
 * turn. Returns true when it filled an empty window (a broadcast starting or resuming).
 */
const feed = async (ctx: RunnerContext, tx: Executor, b: BroadcastRow, now: number): Promise<boolean> => {
  const { repos } = ctx;
  const sendBefore = nextQuietStart(new Date(now), ctx.city.timezone).getTime();
  // Messages held by the quiet hours or a pause go on.
  await repos.broadcastRecipients.setSendBefore(tx, b.id, sendBefore, now);
  const room = ctx.window - (await repos.broadcastRecipients.countInState(tx, b.id, 'fed'));
  let filledEmptyWindow = false;
  if (room > 0 && (await repos.broadcastRecipients.anyInState(tx, b.id, ['queued']))) {
    const { fed, skipped } = await repos.broadcastRecipients.feed(tx, { broadcastId: b.id, payload: b.payload, topics: audienceOf(b).topics, limit: room, sendBefore, now });
    if (skipped > 0) await repos.broadcasts.addToCounters(tx, b.id, { sent: 0, delivered: 0, read: 0, failed: 0, settled: skipped }, now);
    filledEmptyWindow = room === ctx.window && fed > 0;
  }
  if (!(await repos.broadcastRecipients.anyInState(tx, b.id, ['queued', 'fed']))) {
    await repos.broadcasts.update(tx, b.id, { status: 'done', finished_at: now, rate_per_second: 0 }, now);
  }
  return filledEmptyWindow;
};

/** The sending rate over the last few seconds, for the console's progress and time left. */
const sampleRate = async (ctx: RunnerContext, tx: Executor, b: BroadcastRow, now: number): Promise<void> => {
  const since = b.rate_sample_at === null ? null : Number(b.rate_sample_at);
  if (since !== null && now - since < RATE_SAMPLE_MS) return;
  const sent = Number((await ctx.repos.broadcasts.byId(tx, b.id))?.sent ?? 0);
  const rate = since === null ? 0 : ((sent - Number(b.rate_sample_sent)) * 1000) / (now - since);
  await ctx.repos.broadcasts.update(tx, b.id, { rate_per_second: Math.max(0, rate), rate_sample_sent: sent, rate_sample_at: now }, now);
};

/**
 * One step of a broadcast under way, in one transaction that holds it (other instances skip it meanwhile): count what
 * the outbox did (pausing if Meta refused the template); then, if sending, copy the next part of the audience, or
 * hand over the next batch. Cancelled
 * broadcasts get their waiting messages withdrawn once those in flight had time to finish.
 */
export const advanceBroadcast = async (ctx: RunnerContext, id: number, now: number): Promise<void> => {
  const filledEmptyWindow = await ctx.db.transaction().execute(async (tx) => {
    const b = await ctx.repos.broadcasts.lock(tx, id, ['sending', 'paused', 'cancelled']);
    if (!b) return false;
    const refused = await settle(ctx, tx, id, now);
    if (b.status === 'cancelled' && Number(b.finished_at) < now - ctx.cancelGraceMs) await ctx.repos.broadcastRecipients.withdraw(tx, id, now);
    if (b.status !== 'sending' || (refused > 0 && (await pauseIfTemplateRefused(ctx, tx, b, now)))) return false;
    if (!b.snapshot_done) {
      await copyAudience(ctx, tx, b, now);
      return false;
    }
    await sampleRate(ctx, tx, b, now);
    return !isQuietTime(new Date(now), ctx.city.timezone) && (await feed(ctx, tx, b, now));
  });
  // The outbox went from (nearly) no waiting messages to a full window: let the database's planner know.
  if (filledEmptyWindow) await ctx.repos.outbox.refreshPlannerStatistics(ctx.db);
};

/** Broadcasts with work for the runner: sending or paused, or cancelled with messages still out. */
export const broadcastsUnderWay = async (ctx: Pick<RunnerContext, 'db' | 'repos'>): Promise<number[]> => [
  ...(await ctx.repos.broadcasts.idsWithStatus(ctx.db, ['sending', 'paused'])),
  ...(await ctx.repos.broadcasts.cancelledWithMessagesOut(ctx.db)),
];

const OPT_OUT_ACTIVE_MS = 30_000;
const OPT_OUT_FINISHED_MS = 10 * 60_000;
const OPT_OUT_FINISHED_WITHIN_MS = 7 * 24 * 60 * 60_000;

/** Counts again, for the most overdue broadcast, its recipients who left the list or its topics since it started. */
export const refreshOptOuts = async (ctx: Pick<RunnerContext, 'db' | 'repos'>, now: number): Promise<void> => {
  const b = await ctx.repos.broadcasts.optOutCountDue(ctx.db, now, OPT_OUT_ACTIVE_MS, OPT_OUT_FINISHED_MS, OPT_OUT_FINISHED_WITHIN_MS);
  if (!b) return;
  const optedOut = await ctx.repos.broadcastRecipients.countOptedOut(ctx.db, b.id, audienceOf(b).topics);
  await ctx.repos.broadcasts.update(ctx.db, b.id, { opted_out: optedOut, opted_out_counted_at: now }, now);
};
