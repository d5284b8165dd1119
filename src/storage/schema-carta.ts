import type { Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A coordinator's version of a Carta entry; without a row the city profile's entry holds. */
export interface CartaEntryEditTable {
  entry_id: string;
  /** JSON: every field of the entry but its id. */
  value: string;
  origin: 'edited' | 'added';
  updated_by: number | null;
  updated_at: Millis;
}
export type CartaEntryEditRow = Selectable<CartaEntryEditTable>;

export type CartaQuestionOutcome = 'answered' | 'unanswered' | 'not_helpful';

/** A question a citizen asked the bot in free text, and what came of it. */
export interface CartaQuestionTable {
  id: Generated<number>;
  /** The citizen's pseudonym (a hash of their key, as in the audit log). */
  citizen_ref: string;
  /** What they wrote, phone numbers masked. */
  text: string;
  entry_id: string | null;
  outcome: CartaQuestionOutcome;
  asked_at: Millis;
  resolved_at: Millis | null;
  resolved_by: number | null;
}
export type CartaQuestionRow = Selectable<CartaQuestionTable>;

/** The Carta de Serviços' tables, part of `Database`. */
export interface CartaTables {
  carta_entry_edits: CartaEntryEditTable;
  carta_questions: CartaQuestionTable;
}
