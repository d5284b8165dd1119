import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Storage } from './database.js';
import * as foundation from './migrations/2026-11-28-001-foundation.js';
import * as citizensRequests from './migrations/2026-11-28-002-citizens-requests.js';
import * as closures from './migrations/2026-11-28-003-closures.js';
import * as open311ApiKeys from './migrations/2026-11-28-004-open311-api-keys.js';
import * as requestLifecycle from './migrations/2026-11-28-005-request-lifecycle.js';
import * as outboxFallback from './migrations/2026-11-28-006-outbox-fallback.js';
import * as inbox from './migrations/2026-11-28-007-inbox.js';
import * as cannedReplies from './migrations/2026-11-28-008-canned-replies.js';
import * as auditLog from './migrations/2026-11-28-009-audit-log.js';
import * as whatsappTemplates from './migrations/2026-11-28-014-whatsapp-templates.js';
import * as catalogEdits from './migrations/2026-11-28-015-catalog-edits.js';
import * as broadcastTopics from './migrations/2026-11-28-016-broadcast-topics.js';
import * as broadcasts from './migrations/2026-11-28-017-broadcasts.js';
import * as notices from './migrations/2026-11-28-018-notices.js';
import * as dailyCounts from './migrations/2026-11-28-020-daily-counts.js';
import * as passwordChange from './migrations/2026-11-28-021-password-change.js';
import * as staffTotp from './migrations/2026-11-28-022-staff-totp.js';
import * as carta from './migrations/2026-11-29-001-carta.js';
import * as dailyCountShards from './migrations/2026-11-29-002-daily-count-shards.js';
import * as pendingJobsIndex from './migrations/2026-11-29-003-pending-jobs-index.js';

/** Migrations in order; names are ISO-dated so they sort. */
const migrations = {
  '2026-11-28-001-foundation': foundation,
  '2026-11-28-002-citizens-requests': citizensRequests,
  '2026-11-28-003-closures': closures,
  '2026-11-28-004-open311-api-keys': open311ApiKeys,
  '2026-11-28-005-request-lifecycle': requestLifecycle,
  '2026-11-28-006-outbox-fallback': outboxFallback,
  '2026-11-28-007-inbox': inbox,
  '2026-11-28-008-canned-replies': cannedReplies,
  '2026-11-28-009-audit-log': auditLog,
  '2026-11-28-014-whatsapp-templates': whatsappTemplates,
  '2026-11-28-015-catalog-edits': catalogEdits,
  '2026-11-28-016-broadcast-topics': broadcastTopics,
  '2026-11-28-017-broadcasts': broadcasts,
  '2026-11-28-018-notices': notices,
  '2026-11-28-020-daily-counts': dailyCounts,
  '2026-11-28-021-password-change': passwordChange,
  '2026-11-28-022-staff-totp': staffTotp,
  '2026-11-29-001-carta': carta,
  '2026-11-29-002-daily-count-shards': dailyCountShards,
  '2026-11-29-003-pending-jobs-index': pendingJobsIndex,
};

const providerFor = (storage: Storage): MigrationProvider => ({
  getMigrations: async () =>
    Object.fromEntries(
      Object.entries(migrations).map(([name, module]): [string, Migration] => [
        name,
        { up: (db) => module.up(db, storage.dialect) },
      ]),
    ),
});

/**
 * Brings the schema up to date, all pending migrations in one transaction. On PostgreSQL it is safe from several
 * instances at once: Kysely takes an advisory lock, so the others wait and then find nothing to do. On SQLite
 * Kysely's lock does nothing (it assumes one connection): a second process migrating the same file at the same
 * moment fails with "table … already exists" and its transaction rolls back, leaving the schema whole.
 */
export const migrateToLatest = async (storage: Storage): Promise<string[]> => {
  const migrator = new Migrator({ db: storage.db, provider: providerFor(storage) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};

/** Applies the migrations up to and including `name`: tests of a migration that moves data start from before it. */
export const migrateUpTo = async (storage: Storage, name: keyof typeof migrations): Promise<void> => {
  const { error } = await new Migrator({ db: storage.db, provider: providerFor(storage) }).migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
};
