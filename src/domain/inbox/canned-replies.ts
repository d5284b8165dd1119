import type { Executor } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { CannedReplyRow } from '../../storage/schema.js';
import type { Department } from '../catalog/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import type { InboxViewer } from './types.js';
import { canReassign, seesEveryQueue } from './visibility.js';

export const MAX_CANNED_TITLE = 60;
export const MAX_CANNED_BODY = 1024;

export interface CannedReply {
  /** "city:<n>" for the city profile's, a number for those coordinators added. */
  id: string;
  title: string;
  body: string;
  departmentId: string | null;
  /** From the city profile: edited there, not in the console. */
  fixed: boolean;
}

export type CannedReplyErrorCode = 'forbidden' | 'invalid_title' | 'invalid_body' | 'unknown_department' | 'canned_reply_not_found';

const fromRow = (row: CannedReplyRow): CannedReply => ({ id: String(row.id), title: row.title, body: row.body, departmentId: row.department_id, fixed: false });

/** The city profile's answers, then those for everyone and for the viewer's department, by title. */
export const listCannedReplies = async (
  db: Executor,
  repos: Repositories,
  profile: ReadonlyArray<{ title: string; body: string }>,
  viewer: InboxViewer,
): Promise<CannedReply[]> => {
  const fixed = profile.map((reply, index): CannedReply => ({ id: `city:${index}`, title: reply.title, body: reply.body, departmentId: null, fixed: true }));
  const added = await repos.cannedReplies.active(db, seesEveryQueue(viewer) ? undefined : viewer.departmentId);
  return [...fixed, ...added.map(fromRow)];
};

/** Coordinators write answers for everyone or for one department. */
export const addCannedReply = async (
  db: Executor,
  repos: Repositories,
  departments: readonly Department[],
  viewer: InboxViewer,
  input: { title: string; body: string; departmentId?: string | null | undefined },
  now: number,
): Promise<Result<CannedReply, CannedReplyErrorCode>> => {
  if (!canReassign(viewer)) return fail('forbidden', 'forbidden', 'Só coordenadores podem criar respostas prontas.');
  const title = input.title.replace(/\s+/g, ' ').trim();
  const body = input.body.trim();
  if (!title || title.length > MAX_CANNED_TITLE) return fail('invalid_title', 'invalid_input', `Dê um título de até ${MAX_CANNED_TITLE} caracteres.`);
  if (!body || body.length > MAX_CANNED_BODY) return fail('invalid_body', 'invalid_input', `Escreva o texto, com até ${MAX_CANNED_BODY} caracteres.`);
  const departmentId = input.departmentId ?? null;
  if (departmentId !== null && !departments.some((d) => d.id === departmentId)) return fail('unknown_department', 'invalid_input', 'Secretaria desconhecida.');
  return ok(fromRow(await repos.cannedReplies.insert(db, { title, body, departmentId, createdBy: viewer.id }, now)));
};

export const removeCannedReply = async (db: Executor, repos: Repositories, viewer: InboxViewer, id: number, now: number): Promise<Result<void, CannedReplyErrorCode>> => {
  if (!canReassign(viewer)) return fail('forbidden', 'forbidden', 'Só coordenadores podem apagar respostas prontas.');
  return (await repos.cannedReplies.remove(db, id, now)) ? ok(undefined) : fail('canned_reply_not_found', 'not_found', 'Resposta pronta não encontrada.');
};
