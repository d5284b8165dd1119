import type { ColumnType, Generated, Selectable } from 'kysely';

/** Unix milliseconds, as everywhere in the schema. */
type Millis = number;

/** A one-time recovery code of a user with two-step verification; only its hash is kept. */
export interface TotpRecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  /** Null while it may still be used. */
  used_at: Millis | null;
}

/** A sign-in whose password was right and that waits for its two-step code; only the token's hash is kept. */
export interface PendingSignInTable {
  token_hash: string;
  user_id: number;
  created_at: Millis;
  expires_at: Millis;
  /** Wrong codes typed against it; past a few the sign-in starts over from the password. */
  failed_codes: ColumnType<number, number | undefined, number>;
}
export type PendingSignInRow = Selectable<PendingSignInTable>;
