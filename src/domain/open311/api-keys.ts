import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { Open311ApiKeyRow } from '../../storage/schema.js';
import { recordAudit } from '../audit/index.js';
import { fail, ok, type Result } from '../requests/index.js';
import { inTransaction } from '../requests/in-transaction.js';

export const MAX_LABEL = 100;
/** Longer than any key we issue or anyone would configure: refused before hashing. */
const MAX_KEY_LENGTH = 200;

export interface ApiKeyInfo {
  id: number;
  label: string;
  createdBy: number;
  createdAt: number;
  revokedAt: number | null;
}

export interface IssuedApiKey extends ApiKeyInfo {
  /** The plain key: shown once, never stored. */
  key: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

export const hashApiKey = (key: string): string => sha256(key).toString('hex');

const toInfo = (row: Open311ApiKeyRow): ApiKeyInfo => ({
  id: Number(row.id),
  label: row.label,
  createdBy: Number(row.created_by),
  createdAt: Number(row.created_at),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
});

/** A new random key (192 bits) for a client; only its hash is stored. */
export const issueApiKey = async (
  db: Executor,
  repos: Repositories,
  input: { label: string; createdBy: number },
  now: number,
): Promise<Result<IssuedApiKey, 'missing_label' | 'label_too_long'>> => {
  const label = input.label.trim();
  if (!label) return fail('missing_label', 'invalid_input', 'Diga para quem é a chave (nome do sistema ou da organização).');
  if (label.length > MAX_LABEL) return fail('label_too_long', 'invalid_input', `O nome da chave pode ter no máximo ${MAX_LABEL} caracteres.`);
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  return inTransaction(db, async (tx) => {
    const row = await repos.open311Keys.insert(tx, { label, keyHash: hashApiKey(key), createdBy: input.createdBy }, now);
    await recordAudit(tx, repos, { actorUserId: input.createdBy, action: 'open311_key.issued', subject: { type: 'open311_key', id: String(row.id) }, details: { label } }, now);
    return ok({ ...toInfo(row), key });
  });
};

export const listApiKeys = async (db: Executor, repos: Repositories): Promise<ApiKeyInfo[]> => (await repos.open311Keys.all(db)).map(toInfo);

/** Revokes a key (false: unknown or revoked already); audited. */
export const revokeApiKey = (db: Executor, repos: Repositories, id: number, revokedBy: number, now: number): Promise<boolean> =>
  inTransaction(db, async (tx) => {
    const revoked = await repos.open311Keys.revoke(tx, id, now);
    if (revoked) await recordAudit(tx, repos, { actorUserId: revokedBy, action: 'open311_key.revoked', subject: { type: 'open311_key', id: String(id) } }, now);
    return revoked;
  });

/**
 * Whether `key` may create requests: one of the configured keys (OPEN311_API_KEYS) or an issued key not revoked.
 * Configured keys are compared through their SHA-256 digests with timingSafeEqual, every one of them, so the time
 * taken says nothing about how much of a key was right; issued keys are looked up by hash, which leaks nothing
 * about the key either.
 */
export const isAcceptedApiKey = async (db: Executor, repos: Repositories, configuredKeys: readonly string[], key: string | undefined): Promise<boolean> => {
  if (!key || key.length > MAX_KEY_LENGTH) return false;
  const digest = sha256(key);
  let configured = false;
  for (const candidate of configuredKeys) configured = timingSafeEqual(digest, sha256(candidate)) || configured;
  if (configured) return true;
  return (await repos.open311Keys.activeByHash(db, digest.toString('hex'))) !== undefined;
};
