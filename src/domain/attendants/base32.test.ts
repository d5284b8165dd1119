import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32.js';

// RFC 4648 section 10, padding left off (authenticator apps do not need it).
const VECTORS: Array<[string, string]> = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

describe('base32 (RFC 4648)', () => {
  it.each(VECTORS)('encodes %j as %s and back', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded)?.toString()).toBe(plain);
  });

  it('reads secrets as people type them: lower case, spaces, dashes, padding', () => {
    expect(base32Decode('mzxw 6ytb-oi======')?.toString()).toBe('foobar');
  });

  it('refuses characters outside the alphabet', () => {
    expect(base32Decode('MZXW1')).toBeUndefined();
    expect(base32Decode('MZXW8')).toBeUndefined();
  });

  it('round-trips random bytes of every length up to 40', () => {
    for (let length = 0; length <= 40; length += 1) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + length * 11) & 255));
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
  });
});
