import { z } from 'zod';
import { BROADCAST_STATUSES, failureReason, type BroadcastDetail, type BroadcastFailure, type BroadcastSummary } from '../../domain/broadcasts/index.js';
import { maskPhone } from '../../platform/redact.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export const audienceSchema = z.object({
  topics: z.array(z.string().max(60)).max(20).optional().describe('Topic ids (GET /api/broadcasts/audience-options); citizens opted in to any of them'),
  neighborhoods: z.array(z.string().max(100)).max(500).optional().describe('Place ids of quadras and bairros'),
  regions: z.array(z.string().max(100)).max(50).optional().describe('Whole regions of the city'),
});

export const newBroadcastSchema = z.object({
  title: z.string().max(120),
  template: z.object({ name: z.string().min(1).max(512), language: z.string().min(1).max(20), parameters: z.array(z.string().max(1024)).max(20).optional() }),
  audience: audienceSchema,
  header_media_url: z.string().url().max(2000).optional().describe('Link to the image, video or document of a template with a media header'),
  send_at: z.string().datetime({ offset: true }).optional().describe('When to start; none: now. Never between 21:00 and 08:00 in the city'),
});

export const summarySchema = z.object({
  id: z.number(),
  title: z.string(),
  status: z.enum(BROADCAST_STATUSES),
  send_at: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  total: z.number().describe('Citizens in the audience frozen when sending started'),
  sent: z.number().describe('Messages Meta accepted (some may fail afterwards)'),
  delivered: z.number().describe('Messages that reached the phone (read ones included)'),
  read: z.number(),
  failed: z.number().describe('Messages refused or failed, never delivered'),
  opted_out: z.number().describe('Recipients who left the list or the broadcast topics since it started'),
});

export const detailSchema = summarySchema.extend({
  template: z.object({ name: z.string(), language: z.string(), parameters: z.array(z.string()) }),
  audience: z.object({ topics: z.array(z.string()), neighborhoods: z.array(z.string()), regions: z.array(z.string()) }),
  header_media_url: z.string().nullable(),
  failed_by_reason: z.record(z.string(), z.number()).describe("Failures by Meta's error code"),
  rate_per_second: z.number().describe('Messages per second over the last few seconds; 0 when not sending'),
  eta_seconds: z.number().nullable().describe('Time left, quiet hours included; null when not sending'),
  created_by_name: z.string().nullable(),
  quiet_until: z.string().nullable().describe('Sending waits for the end of the quiet hours until then'),
});

export const failureSchema = z.object({ citizen_key: z.string(), number_masked: z.string(), code: z.number().nullable(), reason: z.string(), at: z.string() });

export const audienceOptionsSchema = z.object({
  topics: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
  neighborhoods: z.array(z.object({ id: z.string(), name: z.string(), region: z.string().nullable() })),
  regions: z.array(z.string()),
});

export const presentSummary = (b: BroadcastSummary): z.infer<typeof summarySchema> => ({
  id: b.id,
  title: b.title,
  status: b.status,
  send_at: iso(b.sendAt),
  created_at: iso(b.createdAt),
  started_at: isoOrNull(b.startedAt),
  finished_at: isoOrNull(b.finishedAt),
  total: b.figures.total,
  sent: b.figures.sent,
  delivered: b.figures.delivered,
  read: b.figures.read,
  failed: b.figures.failed,
  opted_out: b.figures.optedOut,
});

export const presentDetail = (b: BroadcastDetail): z.infer<typeof detailSchema> => ({
  ...presentSummary(b),
  template: b.template,
  audience: b.audience,
  header_media_url: b.headerMediaUrl,
  failed_by_reason: b.failedByReason,
  rate_per_second: Math.round(b.ratePerSecond * 10) / 10,
  eta_seconds: b.etaSeconds,
  created_by_name: b.createdByName,
  quiet_until: isoOrNull(b.quietUntil),
});

export const presentFailure = (f: BroadcastFailure): z.infer<typeof failureSchema> => ({
  citizen_key: f.citizenKey,
  number_masked: maskPhone(f.citizenKey),
  code: f.code,
  reason: failureReason(f.code),
  at: iso(f.at),
});
