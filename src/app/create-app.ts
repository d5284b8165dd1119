import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { GraphClient } from '../channels/whatsapp-cloud/graph-client.js';
import { renderReply } from '../channels/whatsapp-cloud/render-reply.js';
import { template } from '../channels/whatsapp-cloud/message-builders.js';
import type { Config } from '../config/load-config.js';
import { bootstrapAdmin, resetDemoAdmin } from '../domain/attendants/users.js';
import { conversationPorts } from '../domain/messaging/conversation-ports.js';
import { JOB } from '../domain/messaging/job-kinds.js';
import { requestNotifier } from '../domain/messaging/request-notifier.js';
import { countSentMessages } from '../domain/reports/index.js';
import { APP_REDIS_OPTIONS, inProcessLiveEvents, redisLiveEvents } from '../platform/live-events.js';
import { createClassifier, loadTrainingData, swappableClassifier } from '../nlu/index.js';
import { LiveCatalog } from '../domain/catalog-edits/index.js';
import { LiveCarta, understandQuestion } from '../domain/carta/index.js';
import { processInboundHandler } from '../jobs/handlers/process-inbound.js';
import { storeMediaHandler } from '../jobs/handlers/store-media.js';
import { eraseCitizenHandler } from '../jobs/handlers/erase-citizen.js';
import { JobRunner } from '../jobs/job-runner.js';
import { BroadcastRunner } from '../jobs/broadcast-runner.js';
import { Maintenance } from '../jobs/maintenance.js';
import { OutboxDispatcher } from '../jobs/outbox-dispatcher.js';
import { GraphOutage } from '../jobs/graph-outage.js';
import { SendingPause } from '../jobs/sending-pause.js';
import { SharedSendingWindow } from '../jobs/shared-sending-window.js';
import { sharedSendingLimit } from '../jobs/throughput-limit.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { createTranslator } from '../platform/i18n.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { createMetrics, type Metrics } from '../platform/metrics.js';
import { openStorage, type Storage } from '../storage/database.js';
import { DirectoryMediaStore } from '../storage/media-store.js';
import { migrateToLatest } from '../storage/migrate.js';
import { createRepositories, type Repositories } from '../storage/repositories/index.js';
import { registerHttp } from './register-http.js';
import { syncTemplatesOnStart, templateChannel } from './template-wiring.js';
import { followCatalogEdits } from './follow-catalog-edits.js';
import type { AttachedSimulator } from './simulator-mode.js';

export interface AppOptions {
  clock?: Clock;
  logger?: Logger;
}

export interface App {
  config: Config;
  http: FastifyInstance;
  storage: Storage;
  repos: Repositories;
  metrics: Metrics;
  clock: Clock;
  jobs: JobRunner;
  dispatcher: OutboxDispatcher;
  broadcasts: BroadcastRunner;
  pause: SendingPause;
  simulator: AttachedSimulator | undefined;
  /** Simulator mode without ADMIN_EMAIL: the demonstration admin's sign-in for this run (see resetDemoAdmin). */
  demoLogin: { email: string; password: string } | undefined;
  /** Listens on the configured host and port and starts the workers; returns the base URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

/** A broadcast keeps about two seconds of sending in the outbox: enough to never run dry, small enough to pause at once. */
const broadcastWindow = (maxMps: number): number => Math.max(50, Math.ceil(maxMps * 2));

/** The only place where config, storage, domain, channels, jobs and HTTP are put together. */
export const createApp = async (config: Config, options: AppOptions = {}): Promise<App> => {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const storage = openStorage(config.databaseUrl);
  await migrateToLatest(storage);
  const { db } = storage;
  const repos = createRepositories(storage.dialect);
  await bootstrapAdmin(db, repos, config.admin, clock.now().getTime());
  const demoLogin = config.whatsapp.simulator && !config.admin ? await resetDemoAdmin(db, repos, clock.now().getTime()) : undefined;

  let baseUrl = `http://${config.http.host}:${config.http.port}`;
  const simulatorGraphUrl = () => `${baseUrl}/_simulator/graph`;
  const graph = new GraphClient({
    baseUrl: config.whatsapp.simulator ? simulatorGraphUrl : () => config.whatsapp.graphUrl,
    version: config.whatsapp.graphVersion,
    phoneNumberId: config.whatsapp.phoneNumberId,
    accessToken: config.whatsapp.accessToken,
  });
  const redis = config.redisUrl ? new Redis(config.redisUrl, APP_REDIS_OPTIONS) : undefined;
  redis?.on('error', (error) => logger.warn({ err: error.message }, 'Redis connection problem'));
  await redis?.connect().catch((error: unknown) => logger.error({ err: error }, 'Redis is not reachable'));
  const pause = new SendingPause(db, repos.settings, clock, logger, metrics);
  const outage = new GraphOutage({ db, settings: repos.settings, clock, logger, metrics });
  const dispatcher = new OutboxDispatcher({
    db, outbox: repos.outbox, graph, pause, outage, clock, logger, metrics,
    maxMps: config.whatsapp.maxMps,
    ...(redis ? { sharedWindow: new SharedSendingWindow({ redis, numberId: config.whatsapp.phoneNumberId, limit: sharedSendingLimit(config.whatsapp.maxMps), logger }) } : {}),
    onAccepted: (tx, count, at) => countSentMessages(tx, repos, count, at, config.city.timezone),
    pairBurst: config.whatsapp.pairBurst,
    pairIntervalMs: config.whatsapp.pairIntervalMs,
    concurrency: config.outbox.concurrency,
    uncertainGraceMs: config.whatsapp.uncertainGraceMs,
    tokenProbeMs: config.whatsapp.tokenProbeMs,
  });
  const training = await loadTrainingData(join(config.city.directory, 'nlu'));
  const classifier = swappableClassifier(await createClassifier(training));
  logger.debug({ trainingMs: classifier.trainingMs }, 'intent classifier trained');
  const liveCatalog = new LiveCatalog({ db, repos, city: config.city, training, classifier, train: (data) => createClassifier(data), logger });
  await liveCatalog.reload();
  const liveCarta = new LiveCarta({ db, repos, city: config.city, logger });
  await liveCarta.reload();
  const engine = { city: config.city, t: createTranslator(config.city.texts), alwaysOpen: config.officeHoursAlwaysOpen, publicUrl: config.http.publicUrl };
  const readinessChecks = redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : [];
  const liveEvents = redis ? redisLiveEvents(redis, logger) : inProcessLiveEvents();
  const notifier = requestNotifier({ repos, engine, templates: config.city.whatsapp.templates, render: renderReply, template });
  const mediaStore = new DirectoryMediaStore(config.mediaDir);
  const jobs = new JobRunner({
    db, jobs: repos.jobs, clock, logger, metrics,
    concurrency: config.jobs.concurrency,
    handlers: {
      [JOB.processInbound]: processInboundHandler({
        db, repos, engine, graph, clock, logger, metrics,
        ports: conversationPorts({ repos, city: config.city, engine, logger }),
        understand: async (text) => {
          const { classification, decision } = await understandQuestion(text, { classifier, live: liveCarta, catalog: () => config.city.catalog });
          const { serviceCode, intent, confidence } = classification;
          return { serviceCode, intent, confidence, carta: decision };
        },
        render: renderReply,
        onReplies: () => dispatcher.wake.notify(),
        onHandoff: () => liveEvents.publish({ type: 'inbox' }),
      }),
      [JOB.storeMedia]: storeMediaHandler({ db, media: repos.media, graph, store: mediaStore, logger }),
      [JOB.eraseCitizen]: eraseCitizenHandler({ db, repos, media: mediaStore, clock, logger }),
    },
  });

  // Loaded only in simulator mode: production never loads the fake Graph API.
  const simulatorMode = config.whatsapp.simulator ? await import('./simulator-mode.js') : undefined;
  const simulator = simulatorMode?.createSimulator(config, { clock, logger, baseUrl: () => baseUrl });
  const templates = templateChannel({ businessAccountId: config.whatsapp.businessAccountId, graph, simulator, logger });
  const broadcasts = new BroadcastRunner({
    context: { db, repos, city: config.city, window: broadcastWindow(config.whatsapp.maxMps), snapshotChunk: 20_000, cancelGraceMs: 2 * 60_000 },
    clock, logger, liveEvents,
    onFed: () => dispatcher.wake.notify(),
  });
  const http = await registerHttp({
    config, db, repos, clock, metrics, logger, readinessChecks, ...(redis ? { redis } : {}), classifier, liveCatalog, liveCarta, requestNotifier: notifier, liveEvents, engine, mediaStore,
    templateChannel: templates,
    onAccepted: () => jobs.wake.notify(),
    onRetry: () => {
      jobs.wake.notify();
      dispatcher.wake.notify();
    },
    onBroadcastChange: () => broadcasts.wake.notify(),
    ...(simulator && simulatorMode ? { browserRoutes: (scope) => simulatorMode.registerSimulator(scope, simulator) } : {}),
  });

  let stopFollowingCatalog = (): void => {};
  let stopFollowingCarta = (): void => {};
  const maintenance = new Maintenance({
    db, dialect: storage.dialect, repos, clock, logger,
    leadership: storage.leadership('maintenance'),
    uncertainGraceMs: config.whatsapp.uncertainGraceMs,
    timezone: config.city.timezone,
    retention: { months: config.retentionMonths, batch: 2_000 },
  });

  return {
    config, http, storage, repos, metrics, clock, jobs, dispatcher, broadcasts, pause, simulator, demoLogin,
    async start() {
      await maintenance.recoverOnStart();
      await pause.resume();
      stopFollowingCatalog = followCatalogEdits(liveCatalog, liveEvents, logger);
      stopFollowingCarta = followCatalogEdits(liveCarta, liveEvents, logger, 'carta');
      const address = await http.listen({ port: config.http.port, host: config.http.host });
      baseUrl = address.replace('[::1]', 'localhost');
      if (simulator) await syncTemplatesOnStart({ db, repos, channel: templates, clock, logger });
      if (config.role !== 'web') {
        await outage.clearOnStart();
        jobs.start();
        dispatcher.start();
        broadcasts.start();
        maintenance.start();
      }
      logger.info({ url: baseUrl, database: storage.dialect, simulator: config.whatsapp.simulator }, 'Whats Palmas is up');
      return baseUrl;
    },
    async stop() {
      await maintenance.stop();
      stopFollowingCatalog();
      stopFollowingCarta();
      // The simulator first, so it stops calling our webhook before the server closes.
      await simulator?.close();
      await http.close();
      await jobs.stop();
      await broadcasts.stop();
      await dispatcher.stop();
      graph.close();
      await liveEvents.close();
      redis?.disconnect();
      await storage.close();
    },
  };
};
