import { z } from 'zod';
import { isoDate, nonEmpty, slugId } from './common.schema.js';

/** WhatsApp reads an answer on a phone screen: long enough for the essentials, short enough to read at once. */
export const CARTA_ANSWER_MAX = 700;
export const CARTA_TITLE_MAX = 60;

const phone = z.string().trim().regex(/^[\d\s()+-]{3,20}$/, { error: 'deve ser um telefone, como (63) 3212-7426' });
const url = z.url({ protocol: /^https?$/, error: 'deve ser um endereço http(s) completo' });
const nullableText = nonEmpty.max(400).nullable();

/** The fields a coordinator edits: everything of an entry but its id. */
export const cartaEntryFieldsSchema = z.object({
  title: nonEmpty.max(CARTA_TITLE_MAX, { error: `no máximo ${CARTA_TITLE_MAX} caracteres` }),
  category: slugId,
  provider: nonEmpty.max(200),
  departmentId: z.string().min(1).nullable(),
  answer: nonEmpty.max(CARTA_ANSWER_MAX, { error: `no máximo ${CARTA_ANSWER_MAX} caracteres, para caber numa tela de celular` }).refine((text) => !/\[[^\]]*\]\([^)]*\)/.test(text), { error: 'sem links no formato markdown: escreva o endereço' }),
  requirements: z.array(nonEmpty.max(300)).max(30),
  howToAsk: z.array(nonEmpty.max(300)).min(1, { error: 'diga ao menos um passo' }).max(20),
  deadline: nullableText,
  cost: nullableText,
  where: nullableText,
  when: nullableText,
  phones: z.array(phone).max(10),
  officialUrl: url.nullable(),
  lastReviewed: isoDate,
  review: z.object({ needed: z.boolean(), note: z.string().trim().max(600).nullable().default(null) }),
  sources: z.array(nonEmpty.max(300)).max(20).default([]),
  /** How citizens ask for it: what the search learns from (at least four phrasings in the profile). */
  questions: z.array(nonEmpty.max(200)).min(1).max(200),
});

export const cartaEntrySchema = cartaEntryFieldsSchema.extend({ id: slugId.max(80) });

export const cartaCategorySchema = z.object({ id: slugId, title: nonEmpty.max(60) });

/** `carta-de-servicos.json`: the city's Carta de Serviços (Lei 13.460/2017), answered by the bot and published. */
export const cartaFileSchema = z.object({
  note: z.string().default(''),
  categories: z.array(cartaCategorySchema),
  entries: z.array(cartaEntrySchema.extend({ questions: z.array(nonEmpty.max(200)).min(4, { error: 'ao menos 4 formas de perguntar' }) })),
});

/** `carta-lexicon.json` (optional): words citizens use mapped to the words of the entries ("carnê" → "boleto"). */
export const cartaLexiconFileSchema = z.object({ note: z.string().default(''), synonyms: z.record(z.string().min(1), z.string().min(1)) });

export type CartaEntry = z.infer<typeof cartaEntrySchema>;
export type CartaEntryFields = z.infer<typeof cartaEntryFieldsSchema>;
export type CartaCategory = z.infer<typeof cartaCategorySchema>;

export interface Carta {
  note: string;
  categories: CartaCategory[];
  entries: CartaEntry[];
  /** Search synonyms of the city (the classifier's lexicon and carta-lexicon.json). */
  synonyms: Record<string, string>;
}

export const EMPTY_CARTA: Carta = { note: '', categories: [], entries: [], synonyms: {} };
