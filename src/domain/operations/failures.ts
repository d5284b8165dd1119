import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';

export const FAILURES_LISTED = 100;

/** A citizen's number shown by its last four digits: enough to tell two apart on the phone, not to copy. */
export const maskedNumber = (key: string | null): string => (key ? `…${key.slice(-4)}` : '—');

export interface FailedJob {
  id: number;
  kind: string;
  citizen: string;
  attempts: number;
  error: string;
  createdAt: number;
  failedAt: number;
}

export interface FailedSend {
  id: number;
  citizen: string;
  /** The WhatsApp message type ('text', 'interactive', 'template'…). */
  messageType: string;
  attempts: number;
  errorCode: number | null;
  error: string;
  createdAt: number;
  failedAt: number;
}

const messageTypeOf = (payload: string): string => {
  try {
    const parsed = JSON.parse(payload) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : '?';
  } catch {
    return '?';
  }
};

/** What gave up for good, newest first: jobs out of attempts, and messages Meta refused (not broadcasts). */
export const listFailures = async (db: Executor, repos: Repositories): Promise<{ jobs: FailedJob[]; sends: FailedSend[] }> => {
  const [jobs, sends] = await Promise.all([repos.failures.deadJobs(db, FAILURES_LISTED), repos.failures.rejectedSends(db, FAILURES_LISTED)]);
  return {
    jobs: jobs.map((j) => ({ id: Number(j.id), kind: j.kind, citizen: maskedNumber(j.group_key), attempts: j.attempts, error: j.last_error ?? '', createdAt: Number(j.created_at), failedAt: Number(j.updated_at) })),
    sends: sends.map((s) => ({
      id: Number(s.id),
      citizen: maskedNumber(s.recipient),
      messageType: messageTypeOf(s.payload),
      attempts: s.attempts,
      errorCode: s.error_code === null ? null : Number(s.error_code),
      error: s.error_detail ?? '',
      createdAt: Number(s.created_at),
      failedAt: Number(s.updated_at),
    })),
  };
};

export type RetryError = 'not_failed';

/** Runs a dead job again (after IT fixed what killed it). Audited. */
export const retryJob = async (db: Executor, repos: Repositories, actorUserId: number, id: number, now: number): Promise<Result<void, RetryError>> =>
  inTransaction(db, async (tx): Promise<Result<void, RetryError>> => {
    if (!(await repos.failures.reviveJob(tx, id, now))) return fail('not_failed', 'not_found', 'Esta tarefa não está entre as que falharam (talvez já tenha sido refeita).');
    await recordAudit(tx, repos, { actorUserId, action: 'job.retried', subject: { type: 'job', id: String(id) } }, now);
    return ok(undefined);
  });

/** Sends a refused message again (e.g. after the template was approved or the token renewed). Audited. */
export const retrySend = async (db: Executor, repos: Repositories, actorUserId: number, id: number, now: number): Promise<Result<void, RetryError>> =>
  inTransaction(db, async (tx): Promise<Result<void, RetryError>> => {
    if (!(await repos.failures.requeueSend(tx, id, now))) return fail('not_failed', 'not_found', 'Esta mensagem não está entre as recusadas (talvez já tenha sido reenviada).');
    await recordAudit(tx, repos, { actorUserId, action: 'send.retried', subject: { type: 'outbox', id: String(id) } }, now);
    return ok(undefined);
  });
