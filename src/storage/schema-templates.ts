import type { Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A WhatsApp message template, unique by (name, language); Meta decides its status and category. */
export interface WhatsAppTemplateTable {
  id: Generated<number>;
  name: string;
  /** Meta's language code, e.g. `pt_BR`. */
  language: string;
  category: string;
  status: string;
  /** JSON of the template's header, body, footer and buttons (TemplateComponents). */
  components: string;
  /** How many body parameters a send must carry (else Meta answers 132000). */
  body_parameters: number;
  meta_id: string | null;
  /** `graph`: read from Meta's template endpoint; `manual`: entered in the console. */
  source: string;
  /** Meta's reason for the last status change (e.g. INVALID_FORMAT), when it gave one. */
  status_reason: string | null;
  /** Set when a sync no longer found the template at Meta; the row stays for history. */
  missing_since: Millis | null;
  created_by: number | null;
  created_at: Millis;
  updated_at: Millis;
}
export type WhatsAppTemplateRow = Selectable<WhatsAppTemplateTable>;
