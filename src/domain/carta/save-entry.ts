import { z } from 'zod';
import { cartaEntryFieldsSchema, type CartaEntry, type CartaEntryFields } from '../../config/city/carta.schema.js';
import type { Db } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { recordAudit } from '../audit/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { markCartaChanged, type LiveCarta } from './live-carta.js';

export type SaveEntryError = 'entry_not_found' | 'entry_exists' | 'invalid_entry';

export interface EntryChange {
  id: string;
  /** Every field of the entry but its id, as the console sends it. */
  fields: unknown;
  /** Sets "última revisão" to today and clears the review mark. */
  markReviewed?: boolean | undefined;
  actorUserId: number;
}

const LABELS: Record<string, string> = {
  title: 'Título', category: 'Categoria', provider: 'Quem presta', departmentId: 'Secretaria', answer: 'Resposta', requirements: 'Requisitos',
  howToAsk: 'Como pedir', deadline: 'Prazo', cost: 'Custo', where: 'Onde', when: 'Quando', phones: 'Telefones', officialUrl: 'Link oficial',
  lastReviewed: 'Última revisão', review: 'Revisão', sources: 'Fontes', questions: 'Perguntas',
};

const invalid = (problems: Array<{ field: string; message: string }>) => {
  const first = problems[0];
  const message = first ? `${LABELS[first.field] ?? first.field}: ${first.message}` : 'Dados inválidos.';
  return fail('invalid_entry', 'invalid_input', message, { fields: [...new Set(problems.map((p) => p.field))] });
};

/** Coordinators read these: zod's own wording in Portuguese where the schema has no words of its own. */
const PORTUGUESE = z.locales.ptBR();

const zodProblems = (error: z.ZodError) => error.issues.map((issue) => ({ field: String(issue.path[0] ?? ''), message: issue.message }));

/** The schema's checks plus the profile's: the category and the department must exist. */
const check = (live: LiveCarta, change: EntryChange, today: string): Result<CartaEntryFields, SaveEntryError> => {
  const parsed = cartaEntryFieldsSchema.safeParse(change.fields, { error: PORTUGUESE.localeError });
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const fields = parsed.data;
  const problems: Array<{ field: string; message: string }> = [];
  if (!live.carta.categories.some((c) => c.id === fields.category)) problems.push({ field: 'category', message: 'categoria desconhecida' });
  if (fields.departmentId !== null && !live.departmentIds.has(fields.departmentId)) problems.push({ field: 'departmentId', message: 'secretaria desconhecida' });
  if (problems.length > 0) return invalid(problems);
  const questions = [...new Set(fields.questions.map((q) => q.replace(/\s+/g, ' ').trim()))];
  const reviewed = change.markReviewed ? { lastReviewed: today, review: { needed: false, note: null } } : {};
  return ok({ ...fields, questions, ...reviewed });
};

const withoutId = ({ id: _id, ...fields }: CartaEntry): CartaEntryFields => fields;
const same = (a: CartaEntryFields, b: CartaEntryFields): boolean => JSON.stringify(a) === JSON.stringify(b);


/**
 * A coordinator rewrites an entry: the bot and the public page use it from the next message on, on every instance.
 * Saving the profile's own text again removes the edit, so the file is the default to go back to.
 */
export const editCartaEntry = async (db: Db, repos: Repositories, live: LiveCarta, change: EntryChange, now: number, today: string): Promise<Result<CartaEntry, SaveEntryError>> => {
  const current = live.entry(change.id);
  if (!current) return fail('entry_not_found', 'not_found', 'Item da Carta de Serviços não encontrado.');
  const checked = check(live, change, today);
  if (!checked.ok) return checked;
  const original = live.defaultEntry(change.id);
  const backToDefault = original !== undefined && same(checked.value, withoutId(original));
  await db.transaction().execute(async (tx) => {
    if (backToDefault) await repos.carta.removeEntry(tx, change.id);
    else await repos.carta.saveEntry(tx, { entryId: change.id, value: JSON.stringify(checked.value), origin: original ? 'edited' : 'added', updatedBy: change.actorUserId }, now);
    const details = { default: backToDefault, reviewed: change.markReviewed === true };
    await recordAudit(tx, repos, { actorUserId: change.actorUserId, action: 'carta.entry_edited', subject: { type: 'carta_entry', id: change.id }, details }, now);
    await markCartaChanged(tx, repos, now);
  });
  await live.reload();
  const saved = live.entry(change.id);
  return saved ? ok(saved) : fail('entry_not_found', 'not_found', 'Item da Carta de Serviços não encontrado.');
};

/** A new entry the profile does not have; its id must be new. */
export const addCartaEntry = async (db: Db, repos: Repositories, live: LiveCarta, change: EntryChange, now: number, today: string): Promise<Result<CartaEntry, SaveEntryError>> => {
  if (live.entry(change.id)) return fail('entry_exists', 'conflict', 'Já existe um item com esse identificador.', { fields: ['id'] });
  const checked = check(live, change, today);
  if (!checked.ok) return checked;
  await db.transaction().execute(async (tx) => {
    await repos.carta.saveEntry(tx, { entryId: change.id, value: JSON.stringify(checked.value), origin: 'added', updatedBy: change.actorUserId }, now);
    await recordAudit(tx, repos, { actorUserId: change.actorUserId, action: 'carta.entry_added', subject: { type: 'carta_entry', id: change.id }, details: {} }, now);
    await markCartaChanged(tx, repos, now);
  });
  await live.reload();
  const saved = live.entry(change.id);
  return saved ? ok(saved) : fail('entry_not_found', 'not_found', 'Item da Carta de Serviços não encontrado.');
};
