import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cartaFileSchema, cartaLexiconFileSchema, EMPTY_CARTA, type Carta } from './carta.schema.js';
import { readProfileFile } from './read-json.js';

export const CARTA_FILE = 'carta-de-servicos.json';
export const CARTA_LEXICON_FILE = join('nlu', 'carta-lexicon.json');

/**
 * The Carta de Serviços is optional: a city without one runs with an empty base (the bot then answers questions
 * with the menu, as before). Undefined when a file exists but is invalid (the problems say why).
 */
export const readCarta = (directory: string, problems: string[]): Carta | undefined => {
  if (!existsSync(join(directory, CARTA_FILE))) return EMPTY_CARTA;
  const file = readProfileFile(directory, CARTA_FILE, cartaFileSchema, problems);
  const lexicon = existsSync(join(directory, CARTA_LEXICON_FILE)) ? readProfileFile(directory, CARTA_LEXICON_FILE, cartaLexiconFileSchema, problems) : { note: '', synonyms: {} };
  if (!file || !lexicon) return undefined;
  return { note: file.note, categories: file.categories, entries: file.entries, synonyms: lexicon.synonyms };
};
