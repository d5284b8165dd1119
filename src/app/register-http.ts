import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../config/load-config.js';
import type { ParsedNotification } from '../domain/messaging/notification.js';
import { receiveNotifications, type IntakeResult } from '../domain/messaging/receive-notification.js';
import { Batcher } from '../platform/batcher.js';
import { registerAuthRoutes, requireRole, requireUser } from '../http/api/auth.routes.js';
import { registerAuditRoutes } from '../http/api/audit.routes.js';
import { registerBroadcastsRoutes } from '../http/api/broadcasts.routes.js';
import { registerCalendarRoutes } from '../http/api/calendar.routes.js';
import { registerCatalogRoutes } from '../http/api/catalog.routes.js';
import { registerCitizensRoutes } from '../http/api/citizens.routes.js';
import { registerClosuresRoutes } from '../http/api/closures.routes.js';
import { registerUsersRoutes } from '../http/api/users.routes.js';
import { registerTwoStepRoutes } from '../http/api/two-step.routes.js';
import { registerDepartmentsRoutes } from '../http/api/departments.routes.js';
import { registerEventsRoutes } from '../http/api/events.routes.js';
import { registerFailuresRoutes } from '../http/api/failures.routes.js';
import { registerInboxRoutes } from '../http/api/inbox.routes.js';
import { registerMediaRoutes } from '../http/api/media.routes.js';
import { registerCannedRepliesRoutes } from '../http/api/canned-replies.routes.js';
import { registerTemplatesRoutes } from '../http/api/templates.routes.js';
import type { TemplateChannel } from '../http/api/template-channel.js';
import type { MediaStore } from '../storage/media-store.js';
import { readableText } from '../channels/whatsapp-cloud/readable-message.js';
import { renderReply } from '../channels/whatsapp-cloud/render-reply.js';
import { template, templateWithHeaderMedia } from '../channels/whatsapp-cloud/message-builders.js';
import type { EngineContext } from '../conversation/engine.js';
import type { LiveEvents } from '../platform/live-events.js';
import { registerNluRoutes } from '../http/api/nlu.routes.js';
import { registerOpen311KeyRoutes } from '../http/api/open311-keys.routes.js';
import { registerRequestsRoutes } from '../http/api/requests/requests.routes.js';
import { registerReportsRoutes } from '../http/api/reports.routes.js';
import { registerAuditExportRoute, registerOpenDataRoute } from '../http/api/report-exports.routes.js';
import { registerOpen311Routes } from '../http/open311/register-open311-routes.js';
import type { Classifier } from '../nlu/index.js';
import type { LiveCatalog } from '../domain/catalog-edits/index.js';
import type { LiveCarta } from '../domain/carta/index.js';
import { registerCartaRoutes } from '../http/api/carta.routes.js';
import { registerCartaPages } from '../http/public/carta.routes.js';
import { ATTENDING_ROLES } from '../domain/attendants/staff.js';
import { OPEN_STATUSES, type RequestNotifier } from '../domain/requests/index.js';
import { registerHealthRoutes } from '../http/health.routes.js';
import { registerPrivacyPage } from '../http/public/privacy.routes.js';
import { registerNoticesPages } from '../http/public/notices.routes.js';
import { registerNoticesRoutes } from '../http/api/notices.routes.js';
import { mapTileOrigins, registerConsole, registerConsoleConfigRoute } from '../http/console/index.js';
import { browserScope, createHttpServer } from '../http/server.js';
import { registerWhatsAppWebhookRoutes } from '../http/webhooks/whatsapp.routes.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';
import type { Db } from '../storage/database.js';
import type { Repositories } from '../storage/repositories/index.js';

export interface HttpWiring {
  config: Config;
  db: Db;
  repos: Repositories;
  clock: Clock;
  metrics: Metrics;
  logger: Logger;
  onAccepted: () => void;
  /** An admin retried a failed job or send: wake whoever runs it. */
  onRetry: () => void;
  classifier: Classifier;
  /** The catalog and classifier with coordinators' edits applied. */
  liveCatalog: LiveCatalog;
  /** The Carta de Serviços with coordinators' edits applied, and its search. */
  liveCarta: LiveCarta;
  /** Queues WhatsApp notices about requests (status changes, phone intake). */
  requestNotifier: RequestNotifier;
  /** Where citizens' photos and files are kept (the media job writes, the console reads). */
  mediaStore: MediaStore;
  /** Tells open consoles that something they show changed. */
  liveEvents: LiveEvents;
  /** The city's words, for messages people send from the console. */
  engine: EngineContext;
  /** More routes for browsers (the simulator page in simulator mode). */
  browserRoutes?: (scope: FastifyInstance) => Promise<void>;
  /** Where WhatsApp templates are read from (Meta or the simulator) and mirrored to. */
  templateChannel: TemplateChannel;
  /** A broadcast was created, paused, resumed or cancelled: the broadcast runner acts at once. */
  onBroadcastChange: () => void;
  /** Shared state of several instances (rate limits), when configured. */
  redis?: Redis;
  /** Extra readiness checks, e.g. Redis when configured. */
  readinessChecks: Array<{ name: string; check: () => Promise<void> }>;
}

const refreshGauges = async ({ db, repos, metrics, clock }: HttpWiring): Promise<void> => {
  metrics.queueDepth.reset();
  for (const [state, n] of Object.entries(await repos.jobs.countByStatus(db))) metrics.queueDepth.set({ queue: 'jobs', state }, n);
  for (const [state, n] of Object.entries(await repos.outbox.countByState(db))) metrics.queueDepth.set({ queue: 'outbox', state }, n);
  metrics.requestsOpen.reset();
  metrics.requestsOverdue.reset();
  for (const { departmentId, open, overdue } of await repos.requestStats.openByDepartment(db, OPEN_STATUSES, clock.now().getTime())) {
    metrics.requestsOpen.set({ department: departmentId }, open);
    metrics.requestsOverdue.set({ department: departmentId }, overdue);
  }
  metrics.broadcastProgress.reset();
  for (const id of await repos.broadcasts.idsWithStatus(db, ['sending', 'paused'])) {
    const b = await repos.broadcasts.byId(db, id);
    if (!b) continue;
    const figures = { total: b.total, sent: b.sent, delivered: b.delivered, read: b.read, failed: b.failed };
    for (const [figure, n] of Object.entries(figures)) metrics.broadcastProgress.set({ broadcast: String(id), figure }, Number(n));
  }
  metrics.inboxWaiting.reset();
  for (const { departmentId, n } of await repos.handoffs.waitingByDepartment(db)) metrics.inboxWaiting.set({ department: departmentId ?? 'general' }, n);
};

export const registerHttp = async (wiring: HttpWiring): Promise<FastifyInstance> => {
  const { config, db, repos, clock, metrics } = wiring;
  const http = await createHttpServer(wiring.logger, config.http.trustProxy);
  const intake = new Batcher<ParsedNotification, IntakeResult>((batch) => {
    metrics.intakeBatchSize.observe(batch.length);
    return receiveNotifications(db, repos, batch, clock.now().getTime(), config.city.timezone);
  });
  registerHealthRoutes(http, { db, metrics, checks: wiring.readinessChecks, beforeScrape: () => refreshGauges(wiring) });
  registerWhatsAppWebhookRoutes(http, {
    verifyToken: config.whatsapp.verifyToken,
    appSecret: config.whatsapp.appSecret,
    intake: (notification) => intake.submit(notification),
    metrics,
    onAccepted: wiring.onAccepted,
  });
  registerOpenDataRoute(http, { db, repos, clock, city: config.city });
  await registerOpen311Routes(http, { config, db, repos, clock, catalogChangedAt: () => wiring.liveCatalog.changedAt, ...(wiring.redis ? { rateLimitRedis: wiring.redis } : {}) });
  await browserScope(http, async (scope) => {
    const auth = { db, repos, clock, cookieSecure: config.http.cookieSecure };
    registerAuthRoutes(scope, auth);
    registerTwoStepRoutes(scope, { db, repos, clock, requireUser: requireUser(auth) });
    const requireAttendant = requireRole(auth, ATTENDING_ROLES);
    registerNluRoutes(scope, { classifier: wiring.classifier, requireUser: requireUser(auth) });
    registerClosuresRoutes(scope, {
      db,
      repos,
      clock,
      timezone: config.city.calendar.timezone,
      requireUser: requireUser(auth),
      requireCoordinator: requireRole(auth, ['coordinator', 'admin']),
    });
    registerCatalogRoutes(scope, { db, repos, clock, live: wiring.liveCatalog, liveEvents: wiring.liveEvents, requireCoordinator: requireRole(auth, ['coordinator', 'admin']) });
    registerCartaRoutes(scope, {
      db,
      repos,
      clock,
      live: wiring.liveCarta,
      liveEvents: wiring.liveEvents,
      timezone: config.city.timezone,
      publicUrl: config.http.publicUrl,
      question: { classifier: wiring.classifier, catalog: () => config.city.catalog },
      requireUser: requireUser(auth),
      requireCoordinator: requireRole(auth, ['coordinator', 'admin']),
    });
    registerDepartmentsRoutes(scope, { db, repos, clock, city: config.city, requireUser: requireUser(auth) });
    registerInboxRoutes(scope, {
      db,
      repos,
      clock,
      city: { departments: config.city.departments, timezone: config.city.calendar.timezone, calendar: config.city.calendar },
      t: wiring.engine.t,
      render: renderReply,
      resumeTemplate: () => {
        const resume = config.city.whatsapp.templates.conversationResume;
        return template(resume.name, resume.language, [], []);
      },
      describe: readableText,
      liveEvents: wiring.liveEvents,
      requireUser: requireAttendant,
    });
    registerEventsRoutes(scope, { liveEvents: wiring.liveEvents, requireUser: requireUser(auth) });
    registerCannedRepliesRoutes(scope, { db, repos, clock, profileReplies: config.city.cannedReplies, departments: config.city.departments, requireUser: requireAttendant });
    registerMediaRoutes(scope, { db, repos, store: wiring.mediaStore, requireUser: requireUser(auth) });
    registerOpen311KeyRoutes(scope, { db, repos, clock, requireAdmin: requireRole(auth, ['admin']) });
    registerUsersRoutes(scope, { db, repos, clock, departments: config.city.departments, requireCoordinator: requireRole(auth, ['coordinator', 'admin']), requireAdmin: requireRole(auth, ['admin']) });
    registerCalendarRoutes(scope, { db, repos, clock, calendar: config.city.calendar, t: wiring.engine.t, requireUser: requireUser(auth) });
    registerAuditRoutes(scope, { db, repos, requireAdmin: requireRole(auth, ['admin']) });
    registerFailuresRoutes(scope, { db, repos, clock, requireAdmin: requireRole(auth, ['admin']), requireUser: requireUser(auth), onRetry: wiring.onRetry });
    registerTemplatesRoutes(scope, { db, repos, clock, channel: wiring.templateChannel, requireUser: requireUser(auth), requireCoordinator: requireRole(auth, ['coordinator', 'admin']) });
    registerBroadcastsRoutes(scope, {
      db,
      repos,
      clock,
      city: config.city,
      buildMessage: (m) => templateWithHeaderMedia(m.name, m.language, m.parameters, m.headerMedia),
      onChange: () => {
        wiring.onBroadcastChange();
        wiring.liveEvents.publish({ type: 'broadcasts' });
      },
      requireUser: requireUser(auth),
      requireCoordinator: requireRole(auth, ['coordinator', 'admin']),
    });
    registerCitizensRoutes(scope, { db, repos, clock, media: wiring.mediaStore, requireUser: requireUser(auth), requireAdmin: requireRole(auth, ['admin']) });
    registerRequestsRoutes(scope, { db, repos, clock, city: config.city, notifier: wiring.requestNotifier, requireUser: requireUser(auth) });
    registerReportsRoutes(scope, { db, repos, clock, city: config.city, requireUser: requireUser(auth) });
    registerAuditExportRoute(scope, { db, repos, clock, city: config.city, requireCoordinator: requireRole(auth, ['coordinator', 'admin']) });
    registerPrivacyPage(scope, { city: config.city, retentionMonths: config.retentionMonths });
    registerNoticesPages(scope, { db, repos, city: config.city, publicUrl: config.http.publicUrl });
    registerCartaPages(scope, { live: wiring.liveCarta, city: config.city });
    registerNoticesRoutes(scope, { db, repos, clock, topics: config.city.broadcastTopics.map((t) => t.id), requireCoordinator: requireRole(auth, ['coordinator', 'admin']) });
    registerConsoleConfigRoute(scope, { city: config.city, simulator: config.whatsapp.simulator, mapTiles: config.mapTiles });
    await registerConsole(scope, config.consoleDir);
    await wiring.browserRoutes?.(scope);
  }, { imageOrigins: mapTileOrigins(config.mapTiles?.url), upgradeInsecureRequests: config.http.cookieSecure, ...(wiring.redis ? { rateLimitRedis: wiring.redis } : {}) });
  return http;
};
