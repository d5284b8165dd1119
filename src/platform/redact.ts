/**
 * Phone numbers are personal data (LGPD): logs keep the country code, area code and last two digits,
 * enough to tell messages apart when debugging, never enough to call anyone.
 */
const PHONE_LIKE = /\+?\d[\d\s().-]{8,18}\d/g;
const PHONE_KEYS = new Set(['wa_id', 'waId', 'from', 'to', 'phone', 'recipient_id', 'recipient', 'citizenKey']);

/**
 * Secrets never reach a log whole, whatever object carries them: passwords, two-step (TOTP) secrets and the address
 * that carries one, recovery codes, pending sign-in tokens.
 */
const SECRET_KEYS = new Set([
  'password', 'current_password', 'new_password', 'password_hash',
  'totp_secret', 'totpSecret', 'secret', 'otpauth_uri', 'otpauthUri', 'recovery_codes', 'recoveryCodes', 'pending_token', 'pendingToken',
]);
export const REDACTED = '[redacted]';

export const maskPhone = (value: string): string => {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 10) return value;
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 6)}${digits.slice(-2)}`;
};

export const redactText = (text: string): string => text.replace(PHONE_LIKE, (match) => maskPhone(match));

/** Walks a log record, hides secrets and masks phone-like values; returns a copy, never mutates the caller's object. */
export const redactRecord = (value: unknown, key?: string, depth = 0): unknown => {
  if (depth > 6) return value;
  if (key && SECRET_KEYS.has(key)) return REDACTED;
  if (typeof value === 'string') return key && PHONE_KEYS.has(key) ? maskPhone(value) : redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactRecord(item, key, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Error)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactRecord(v, k, depth + 1)]),
    );
  }
  return value;
};
