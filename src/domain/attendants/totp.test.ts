import { describe, expect, it } from 'vitest';
import { base32Decode } from './base32.js';
import { hotp, matchingStep, newTotpSecret, otpauthUri, totpAt, totpStep } from './totp.js';

/** The ASCII secret of RFC 4226 Appendix D and of RFC 6238 Appendix B's SHA-1 rows. */
const RFC_KEY = Buffer.from('12345678901234567890');

describe('HOTP (RFC 4226 Appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code] as const))('counter %i gives %s', (counter, code) => {
    expect(hotp(RFC_KEY, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238 Appendix B, SHA-1)', () => {
  const rows: Array<[number, string]> = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(rows)('at %i s the 8-digit code is %s', (seconds, code) => {
    expect(totpAt(RFC_KEY, seconds * 1000, 8)).toBe(code);
    // The apps show the last six digits of the same number.
    expect(totpAt(RFC_KEY, seconds * 1000)).toBe(code.slice(-6));
  });

  it('counts 30-second steps from the Unix epoch', () => {
    expect(totpStep(59_000)).toBe(1);
    expect(totpStep(1111111109_000)).toBe(0x23523ec);
  });
});

describe('matching a typed code', () => {
  const now = 1_800_000_015_000;
  it('accepts the current step and one either side, and says which', () => {
    const step = totpStep(now);
    expect(matchingStep(RFC_KEY, totpAt(RFC_KEY, now), now)).toBe(step);
    expect(matchingStep(RFC_KEY, totpAt(RFC_KEY, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(RFC_KEY, totpAt(RFC_KEY, now + 30_000), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, and anything of the wrong shape', () => {
    expect(matchingStep(RFC_KEY, totpAt(RFC_KEY, now - 60_000), now)).toBeUndefined();
    expect(matchingStep(RFC_KEY, totpAt(RFC_KEY, now + 60_000), now)).toBeUndefined();
    expect(matchingStep(RFC_KEY, '', now)).toBeUndefined();
    expect(matchingStep(RFC_KEY, `${totpAt(RFC_KEY, now)}0`, now)).toBeUndefined();
  });
});

describe('secrets and the QR code address', () => {
  it('makes 160-bit base32 secrets, different every time', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('writes the otpauth address authenticator apps read', () => {
    expect(otpauthUri('Whats Palmas', 'rita@palmas.to.gov.br', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/Whats%20Palmas:rita%40palmas.to.gov.br?secret=JBSWY3DPEHPK3PXP&issuer=Whats%20Palmas&algorithm=SHA1&digits=6&period=30',
    );
  });
});
