import type { Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A coordinator's wording for one text of a catalog service; without a row the city profile's text holds. */
export interface CatalogTextEditTable {
  service_code: string;
  /** 'name', 'menuTitle', 'menuDescription', 'guidance' or 'prompt:<field code>'. */
  field: string;
  /** JSON: a string, or an array of strings for guidance. */
  value: string;
  updated_by: number | null;
  updated_at: Millis;
}
export type CatalogTextEditRow = Selectable<CatalogTextEditTable>;

/** A training phrase taught in the console ('added') or one of the profile's phrases no longer taught ('removed'). */
export interface TrainingPhraseEditTable {
  intent: string;
  phrase: string;
  change: 'added' | 'removed';
  updated_by: number | null;
  updated_at: Millis;
}
export type TrainingPhraseEditRow = Selectable<TrainingPhraseEditTable>;
