/**
 * Phone numbers are personal data (LGPD): logs keep the country code, area code and last two digits,
 * enough to tell messages apart when debugging, never enough to call anyone.
 */
const PHONE_LIKE = /\+?\d[\d\s().-]{8,18}\d/g;
const PHONE_KEYS = new Set(['wa_id', 'waId', 'from', 'to', 'phone', 'recipient_id', 'recipient', 'citizenKey']);

export const maskPhone = (value: string): string => {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 10) return value;
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 6)}${digits.slice(-2)}`;
};

export const redactText = (text: string): string => text.replace(PHONE_LIKE, (match) => maskPhone(match));

/** Walks a log record and masks phone-like values; returns a copy, never mutates the caller's object. */
export const redactRecord = (value: unknown, key?: string, depth = 0): unknown => {
  if (depth > 6) return value;
  if (typeof value === 'string') return key && PHONE_KEYS.has(key) ? maskPhone(value) : redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactRecord(item, key, depth + 1));
  if (value && typeof value === 'object' && !(value instanceof Error)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactRecord(v, k, depth + 1)]),
    );
  }
  return value;
};
