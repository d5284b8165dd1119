import { describe, expect, it } from 'vitest';
import { formatProtocol, isCanonicalProtocol, parseProtocol } from './protocol.js';

describe('protocol numbers', () => {
  it('formats year and a six-digit sequence', () => {
    expect(formatProtocol(2026, 1)).toBe('2026-000001');
    expect(formatProtocol(2027, 999_999)).toBe('2027-999999');
    expect(() => formatProtocol(2026, 0)).toThrow();
    expect(() => formatProtocol(2026, 1_000_000)).toThrow();
    expect(() => formatProtocol(1999, 1)).toThrow();
  });

  it('knows the canonical form', () => {
    expect(isCanonicalProtocol('2026-000123')).toBe(true);
    expect(isCanonicalProtocol('2026-000000')).toBe(false);
    expect(isCanonicalProtocol('2026-123')).toBe(false);
    expect(isCanonicalProtocol(' 2026-000123')).toBe(false);
  });

  it.each([
    ['2026-000123', '2026-000123'],
    ['protocolo 2026-000123', '2026-000123'],
    ['2026 000123', '2026-000123'],
    ['2026000123', '2026-000123'],
    ['2026/000123', '2026-000123'],
    ['2026.000123', '2026-000123'],
    ['Protocolo nº 2026-123, por favor', '2026-000123'],
    ['2026 / 45', '2026-000045'],
    ['protocolo 123/2026', '2026-000123'],
    ['000123/2026', '2026-000123'],
    ['meu protocolo é o 7 / 2027', '2027-000007'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseProtocol(text)).toBe(expected);
  });

  it.each([
    'oi',
    '2026',
    '2026 123',
    '2026-000000',
    '0/2026',
    '20/11/2026',
    '2026/11/20',
    '63 99912-2026',
    '12026-000123',
    '2026-0001234',
    '1999-000123',
    '1234567/2026',
  ])('finds no protocol in %j', (text) => {
    expect(parseProtocol(text)).toBeUndefined();
  });
});
