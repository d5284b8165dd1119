import type { Db, Tx } from '../../storage/database.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { recordAudit } from '../audit/index.js';
import { fail, ok, type Result } from '../requests/result.js';
import { markCatalogChanged, type LiveCatalog } from './live-catalog.js';

export type EditPhraseError = 'intent_not_found' | 'invalid_phrase' | 'phrase_exists' | 'phrase_elsewhere' | 'phrase_not_found' | 'last_phrase';

export interface PhraseChange {
  intent: string;
  phrase: string;
  actorUserId: number;
}

/** Long enough for a sentence a citizen writes; the model learns words, not paragraphs. */
export const PHRASE_MAX = 200;

const tidy = (phrase: string): string => phrase.replace(/\s+/g, ' ').trim();

const phrasesOf = (live: LiveCatalog, intent: string): string[] | undefined => live.trainingData.intents.find((i) => i.intent === intent)?.phrases;

const isProfilePhrase = (live: LiveCatalog, intent: string, phrase: string): boolean =>
  live.defaults.training.intents.some((i) => i.intent === intent && i.phrases.includes(phrase));

const save = async (db: Db, repos: Repositories, live: LiveCatalog, action: string, change: PhraseChange, write: (tx: Tx) => Promise<void>, now: number): Promise<void> => {
  await db.transaction().execute(async (tx) => {
    await write(tx);
    await recordAudit(tx, repos, { actorUserId: change.actorUserId, action, subject: { type: 'intent', id: change.intent }, details: { phrase: change.phrase } }, now);
    await markCatalogChanged(tx, repos, now);
  });
  await live.reload();
};

/**
 * Teaches an intent one more phrase and retrains the classifier: the bot understands it from the next message on.
 * A phrase the intent already knows, or one that teaches another intent (compared as the model sees them), is
 * refused: the same words on two intents only make both guesses weaker.
 */
export const addTrainingPhrase = async (db: Db, repos: Repositories, live: LiveCatalog, change: PhraseChange, now: number): Promise<Result<string[], EditPhraseError>> => {
  const phrases = phrasesOf(live, change.intent);
  if (!phrases) return fail('intent_not_found', 'not_found', 'Assunto não encontrado.');
  const phrase = tidy(change.phrase);
  const seen = live.normalize(phrase);
  if (phrase.length > PHRASE_MAX) return fail('invalid_phrase', 'invalid_input', `A frase pode ter no máximo ${PHRASE_MAX} caracteres.`);
  if (seen.length === 0) return fail('invalid_phrase', 'invalid_input', 'Escreva uma frase com palavras, como um cidadão escreveria.');
  // One of the profile's own phrases comes back as it was, even where the profile has near-twins ("obrigado", "obrigada").
  const restoring = isProfilePhrase(live, change.intent, phrase);
  if (phrases.includes(phrase)) return fail('phrase_exists', 'conflict', 'Essa frase já está entre as frases deste assunto.');
  const twin = restoring ? undefined : phrases.find((p) => live.normalize(p) === seen);
  if (twin) return fail('phrase_exists', 'conflict', `Para o robô, essa frase é igual a "${twin}", que já está neste assunto.`);
  const elsewhere = live.trainingData.intents.find((i) => i.intent !== change.intent && i.phrases.some((p) => live.normalize(p) === seen));
  if (elsewhere) return fail('phrase_elsewhere', 'conflict', `Essa frase já ensina outro assunto (${live.intentLabel(elsewhere.intent)}). Tire-a de lá antes.`, { intent: elsewhere.intent });

  await save(db, repos, live, 'nlu.phrase_added', { ...change, phrase }, async (tx) => {
    if (restoring) await repos.catalogEdits.removePhrase(tx, change.intent, phrase);
    else await repos.catalogEdits.savePhrase(tx, { intent: change.intent, phrase, change: 'added', updatedBy: change.actorUserId }, now);
  }, now);
  return ok(phrasesOf(live, change.intent) ?? []);
};

/** Stops teaching an intent a phrase and retrains; an intent keeps at least one phrase. */
export const removeTrainingPhrase = async (db: Db, repos: Repositories, live: LiveCatalog, change: PhraseChange, now: number): Promise<Result<string[], EditPhraseError>> => {
  const phrases = phrasesOf(live, change.intent);
  if (!phrases) return fail('intent_not_found', 'not_found', 'Assunto não encontrado.');
  if (!phrases.includes(change.phrase)) return fail('phrase_not_found', 'not_found', 'Essa frase não está entre as frases deste assunto.');
  if (phrases.length === 1) return fail('last_phrase', 'conflict', 'Cada assunto precisa de ao menos uma frase: acrescente outra antes de tirar esta.');

  const fromProfile = isProfilePhrase(live, change.intent, change.phrase);
  await save(db, repos, live, 'nlu.phrase_removed', change, async (tx) => {
    if (fromProfile) await repos.catalogEdits.savePhrase(tx, { intent: change.intent, phrase: change.phrase, change: 'removed', updatedBy: change.actorUserId }, now);
    else await repos.catalogEdits.removePhrase(tx, change.intent, change.phrase);
  }, now);
  return ok(phrasesOf(live, change.intent) ?? []);
};
