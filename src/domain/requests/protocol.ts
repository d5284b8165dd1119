/**
 * Protocol numbers "YYYY-NNNNNN" (CONTRACT.md): year of opening in the city's timezone and a sequence that
 * restarts each year. Six digits give 999 999 requests a year; a year beyond that is refused, not wrapped.
 */
export const MAX_SEQUENCE = 999_999;

const CANONICAL = /^(20\d{2})-(\d{6})$/;

export const formatProtocol = (year: number, sequence: number): string => {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new Error(`Protocol year out of range: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new Error(`Protocol sequence out of range: ${sequence}`);
  return `${year}-${String(sequence).padStart(6, '0')}`;
};

export const isCanonicalProtocol = (text: string): boolean => {
  const m = CANONICAL.exec(text);
  return m !== null && Number(m[2]) > 0;
};

/*
 * What people type, in the order tried (first match in the text wins; digits glued to other digits never match,
 * so phone numbers and long codes are not read as protocols):
 *   1. year then six digits, with "-", "/", ".", a space or nothing between: 2026-000123, 2026 000123, 2026000123
 *   2. year, then "-", "/" or "." and 1–5 digits: 2026-123, 2026/45
 *   3. Brazilian "number/year", 1–6 digits: 123/2026, 000123/2026 (only "/": "99912-2026" is a phone number)
 * Years are 2000–2099. A space alone never joins a short number to a year ("2026 123" is not a protocol: it is as
 * likely a street number). Sequence 0 is no protocol.
 */
const PATTERNS: Array<{ re: RegExp; year: number; sequence: number }> = [
  { re: /(?<!\d)(20\d{2})[-/. ]?(\d{6})(?!\d)/, year: 1, sequence: 2 },
  { re: /(?<!\d)(20\d{2})\s*[-/.]\s*(\d{1,5})(?![\d/])/, year: 1, sequence: 2 },
  { re: /(?<![\d/])(\d{1,6})\s*\/\s*(20\d{2})(?!\d)/, year: 2, sequence: 1 },
];

/** The canonical protocol found in loosely typed text ("protocolo 123/2026", "2026 000123"), or undefined. */
export const parseProtocol = (text: string): string | undefined => {
  for (const { re, year, sequence } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const y = Number(m[year]);
    const n = Number(m[sequence]);
    if (n >= 1 && n <= MAX_SEQUENCE) return formatProtocol(y, n);
  }
  return undefined;
};
