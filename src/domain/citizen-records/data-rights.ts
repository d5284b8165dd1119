import type { Executor } from '../../storage/database.js';
import type { MediaStore } from '../../storage/media-store.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { CitizenRecords } from '../../storage/repositories/citizen-records.repository.js';
import { recordAudit } from '../audit/index.js';
import { inTransaction } from '../requests/in-transaction.js';
import { fail, ok, type Result } from '../requests/result.js';
import { auditSubjectOf } from './pseudonym.js';

export interface CitizenExport {
  exportedAt: string;
  citizenKey: string;
  records: CitizenRecords;
}

export interface AnonymiseResult {
  requestsKept: number;
  mediaDeleted: number;
}

const notFound = () => fail('citizen_not_found', 'not_found', 'Cidadão não encontrado.');

/** Everything stored about a citizen (LGPD art. 18), and an audit entry saying who took it, in one transaction. */
export const exportCitizen = async (db: Executor, repos: Repositories, adminId: number, key: string, now: number): Promise<Result<CitizenExport, 'citizen_not_found'>> =>
  inTransaction(db, async (tx): Promise<Result<CitizenExport, 'citizen_not_found'>> => {
    const citizen = await repos.citizens.byKey(tx, key);
    if (!citizen) return notFound();
    const records = await repos.citizenRecords.export(tx, citizen);
    const counts = Object.fromEntries(Object.entries(records).map(([table, rows]) => [table, rows.length]));
    await recordAudit(tx, repos, { actorUserId: adminId, action: 'citizen.exported', subject: auditSubjectOf(key), details: { counts } }, now);
    return ok({ exportedAt: new Date(now).toISOString(), citizenKey: key, records });
  });

/**
 * Removes a citizen's personal data for good (see CitizenRecordsRepository.anonymise), answering their "apagar meus
 * dados" or the city's own decision. The admin confirms by typing the last four digits of the number. Files are
 * deleted once the database has committed.
 */
export const anonymiseCitizen = async (
  deps: { db: Executor; repos: Repositories; media: MediaStore },
  adminId: number,
  key: string,
  confirmation: string,
  now: number,
): Promise<Result<AnonymiseResult, 'citizen_not_found' | 'confirmation_mismatch'>> => {
  const { repos } = deps;
  const outcome = await inTransaction(deps.db, async (tx): Promise<Result<{ paths: string[]; requests: number }, 'citizen_not_found' | 'confirmation_mismatch'>> => {
    const citizen = await repos.citizens.byKey(tx, key);
    if (!citizen) return notFound();
    const digits = (citizen.wa_id || citizen.key).replace(/\D/g, '').slice(-4);
    if (confirmation.replace(/\D/g, '') !== digits) return fail('confirmation_mismatch', 'invalid_input', 'Digite os quatro últimos dígitos do número para confirmar.');
    const { mediaPaths, requests } = await repos.citizenRecords.anonymise(tx, citizen);
    await recordAudit(tx, repos, { actorUserId: adminId, action: 'citizen.anonymised', subject: auditSubjectOf(key), details: { requestsKept: requests, mediaDeleted: mediaPaths.length } }, now);
    return ok({ paths: mediaPaths, requests });
  });
  if (!outcome.ok) return outcome;
  await Promise.all(outcome.value.paths.map((path) => deps.media.remove(path)));
  return ok({ requestsKept: outcome.value.requests, mediaDeleted: outcome.value.paths.length });
};
