import { createHash, randomBytes } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 8;

/** Letters and digits that cannot be mistaken for one another when copied from paper (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code as written down: two groups of five, e.g. `k7m2p-xq9ra` (about 49 random bits). */
export const newRecoveryCode = (): string => {
  const chars = [...randomBytes(10)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};

/** Whether what was typed looks like a recovery code rather than a 6-digit code from the app. */
export const looksLikeRecoveryCode = (typed: string): boolean => normalise(typed).length === 10;

const normalise = (typed: string): string => typed.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Only a hash of each recovery code is kept. SHA-256 rather than argon2: argon2's slowness protects guessable
 * passwords; these codes are random (about 49 bits), each works once and guesses are throttled, so a leaked table
 * cannot be brute-forced in any useful time, and a fast hash lets the code be looked up by its hash.
 */
export const hashRecoveryCode = (typed: string): string => createHash('sha256').update(normalise(typed)).digest('hex');
