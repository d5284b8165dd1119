import type { Dialect } from '../database.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { BroadcastRecipientsRepository } from './broadcast-recipients.repository.js';
import { BroadcastsRepository } from './broadcasts.repository.js';
import { CannedRepliesRepository } from './canned-replies.repository.js';
import { CartaRepository } from './carta.repository.js';
import { CatalogEditsRepository } from './catalog-edits.repository.js';
import { CitizenRecordsRepository } from './citizen-records.repository.js';
import { CitizensRepository } from './citizens.repository.js';
import { ClosuresRepository } from './closures.repository.js';
import { ConsentRepository } from './consent.repository.js';
import { ConversationsRepository } from './conversations.repository.js';
import { DailyCountsRepository } from './daily-counts.repository.js';
import { DataRequestsRepository } from './data-requests.repository.js';
import { FailuresRepository } from './failures.repository.js';
import { HandoffsRepository } from './handoffs.repository.js';
import { InboundRepository } from './inbound.repository.js';
import { JobsRepository } from './jobs.repository.js';
import { MediaRepository } from './media.repository.js';
import { MessageStatusesRepository } from './message-statuses.repository.js';
import { NoticesRepository } from './notices.repository.js';
import { Open311ApiKeysRepository } from './open311-api-keys.repository.js';
import { OutboxRepository } from './outbox.repository.js';
import { PendingSignInsRepository } from './pending-sign-ins.repository.js';
import { RequestFollowersRepository } from './request-followers.repository.js';
import { ReportsRepository } from './reports.repository.js';
import { RequestStatsRepository } from './request-stats.repository.js';
import { RetentionRepository } from './retention.repository.js';
import { ServiceRequestsRepository } from './service-requests.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { SettingsRepository } from './settings.repository.js';
import { TwoStepRepository } from './two-step.repository.js';
import { UsersRepository } from './users.repository.js';
import { WebhookEventsRepository } from './webhook-events.repository.js';
import { WhatsAppTemplatesRepository } from './whatsapp-templates.repository.js';

export const createRepositories = (dialect: Dialect) => {
  const jobs = new JobsRepository(dialect);
  return {
    audit: new AuditLogRepository(),
    broadcasts: new BroadcastsRepository(dialect),
    broadcastRecipients: new BroadcastRecipientsRepository(dialect),
    cannedReplies: new CannedRepliesRepository(),
    carta: new CartaRepository(),
    catalogEdits: new CatalogEditsRepository(),
    citizenRecords: new CitizenRecordsRepository(),
    citizens: new CitizensRepository(),
    closures: new ClosuresRepository(),
    consent: new ConsentRepository(),
    conversations: new ConversationsRepository(),
    dailyCounts: new DailyCountsRepository(dialect),
    dataRequests: new DataRequestsRepository(),
    failures: new FailuresRepository(),
    handoffs: new HandoffsRepository(),
    inbound: new InboundRepository(dialect, jobs),
    jobs,
    media: new MediaRepository(),
    statuses: new MessageStatusesRepository(dialect),
    notices: new NoticesRepository(),
    open311Keys: new Open311ApiKeysRepository(),
    outbox: new OutboxRepository(dialect),
    pendingSignIns: new PendingSignInsRepository(),
    requests: new ServiceRequestsRepository(),
    followers: new RequestFollowersRepository(),
    reports: new ReportsRepository(),
    requestStats: new RequestStatsRepository(),
    retention: new RetentionRepository(),
    sessions: new SessionsRepository(),
    settings: new SettingsRepository(),
    twoStep: new TwoStepRepository(),
    users: new UsersRepository(),
    webhookEvents: new WebhookEventsRepository(),
    templates: new WhatsAppTemplatesRepository(),
  };
};

export type Repositories = ReturnType<typeof createRepositories>;
