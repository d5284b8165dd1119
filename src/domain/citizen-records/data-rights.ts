import type { Executor, Tx } from '../../storage/database.js';
import type { MediaStore } from '../../storage/media-store.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { CitizenRecords } from '../../storage/repositories/citizen-records.repository.js';
import { auditEntries, recordAudit } from '../audit/index.js';
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
  /** When the data was removed: now, or earlier when this citizen had been anonymised already. */
  anonymisedAt: number;
}

const ANONYMISED = 'citizen.anonymised';

/** When the citizen with this key was anonymised (the audit log remembers it under a pseudonym), if they were. */
export const anonymisedAt = async (db: Executor, repos: Repositories, key: string): Promise<number | undefined> => {
  const subject = auditSubjectOf(key);
  const entries = await auditEntries(db, repos, { subjectType: subject.type, subjectId: subject.id, limit: 50 });
  return entries.find((entry) => entry.action === ANONYMISED)?.at;
};

const lastFourDigits = (text: string): string => text.replace(/\D/g, '').slice(-4);

const notFound = () => fail('citizen_not_found', 'not_found', 'Cidadão não encontrado.');

/** Everything stored about a citizen (LGPD art. 18), and an audit entry saying who took it, in one transaction. */
export const exportCitizen = async (db: Executor, repos: Repositories, adminId: number, key: string, now: number): Promise<Result<CitizenExport, 'citizen_not_found'>> =>
  inTransaction(db, async (tx): Promise<Result<CitizenExport, 'citizen_not_found'>> => {
    const citizen = await repos.citizens.byKey(tx, key);
    if (!citizen) return notFound();
    const records = { ...(await repos.citizenRecords.export(tx, citizen)), carta_questions: await repos.carta.ofCitizen(tx, auditSubjectOf(key).id) };
    const counts = Object.fromEntries(Object.entries(records).map(([table, rows]) => [table, rows.length]));
    await recordAudit(tx, repos, { actorUserId: adminId, action: 'citizen.exported', subject: auditSubjectOf(key), details: { counts } }, now);
    return ok({ exportedAt: new Date(now).toISOString(), citizenKey: key, records });
  });

/**
 * Removes a citizen's personal data for good (see CitizenRecordsRepository.anonymise), answering their "apagar meus
 * dados" or the city's own decision. The admin confirms by typing the last four digits of the number. Files are
 * deleted once the database has committed. Anonymising again answers with the first time, changing nothing.
 */
export const anonymiseCitizen = async (
  deps: { db: Executor; repos: Repositories; media: MediaStore },
  adminId: number,
  key: string,
  confirmation: string,
  now: number,
): Promise<Result<AnonymiseResult, 'citizen_not_found' | 'confirmation_mismatch'>> => {
  const { repos } = deps;
  const outcome = await inTransaction(deps.db, async (tx): Promise<Result<AnonymiseResult & { paths: string[] }, 'citizen_not_found' | 'confirmation_mismatch'>> => {
    const citizen = await repos.citizens.byKey(tx, key);
    const mismatch = () => fail('confirmation_mismatch', 'invalid_input', 'Digite os quatro últimos dígitos do número para confirmar.');
    if (!citizen) {
      const at = await anonymisedAt(tx, repos, key);
      if (at === undefined) return notFound();
      return lastFourDigits(confirmation) === lastFourDigits(key) ? ok({ paths: [], requestsKept: 0, mediaDeleted: 0, anonymisedAt: at }) : mismatch();
    }
    if (lastFourDigits(confirmation) !== lastFourDigits(citizen.wa_id || citizen.key)) return mismatch();
    return ok(await anonymiseIn(tx, repos, citizen, adminId, now));
  });
  if (!outcome.ok) return outcome;
  return ok(await removeFiles(deps.media, outcome.value));
};

type Citizen = NonNullable<Awaited<ReturnType<Repositories['citizens']['byKey']>>>;

/** Removes the data and writes the audit entry (a null actor: the citizen's own request, carried out by the system). */
const anonymiseIn = async (tx: Executor, repos: Repositories, citizen: Citizen, actorUserId: number | null, now: number) => {
  const { mediaPaths, requests } = await repos.citizenRecords.anonymise(tx, citizen);
  // Kept under the pseudonym, not the key: the storage layer cannot find them by the citizen.
  await repos.carta.forgetCitizen(tx, auditSubjectOf(citizen.key).id);
  const details = { requestsKept: requests, mediaDeleted: mediaPaths.length, ...(actorUserId === null ? { askedBy: 'citizen' } : {}) };
  await recordAudit(tx, repos, { actorUserId, action: ANONYMISED, subject: auditSubjectOf(citizen.key), details }, now);
  return { paths: mediaPaths, requestsKept: requests, mediaDeleted: mediaPaths.length, anonymisedAt: now };
};

/** Files are deleted once the database has committed: a rollback never leaves a record pointing at nothing. */
const removeFiles = async (media: MediaStore, { paths, ...result }: AnonymiseResult & { paths: string[] }): Promise<AnonymiseResult> => {
  await Promise.all(paths.map((path) => media.remove(path)));
  return result;
};

/**
 * "apagar meus dados", confirmed on WhatsApp: the same anonymisation an admin runs, at once and without staff, since
 * what is removed is only the channel's copy (requests stay, without the citizen, as the law requires; report counts
 * never named anyone). `complete` commits with it (the job that carries it out). Undefined: nothing left to remove.
 */
export const eraseOnCitizenRequest = async (
  deps: { db: Executor; repos: Repositories; media: MediaStore },
  key: string,
  now: number,
  complete: (tx: Tx) => Promise<void>,
): Promise<AnonymiseResult | undefined> => {
  const removed = await inTransaction(deps.db, async (tx) => {
    const citizen = await deps.repos.citizens.byKey(tx, key);
    const result = citizen ? await anonymiseIn(tx, deps.repos, citizen, null, now) : undefined;
    await complete(tx);
    return result;
  });
  return removed && removeFiles(deps.media, removed);
};
