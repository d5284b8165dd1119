import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './base32.js';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) as Google Authenticator, Microsoft Authenticator and
 * FreeOTP compute them: HMAC-SHA-1, 30-second steps, 6 digits. Pure: the caller gives the time.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** RFC 4226 section 5.3: HMAC-SHA-1 of the 8-byte counter, dynamic truncation, the low `digits` decimal digits. */
export const hotp = (key: Uint8Array, counter: number, digits = TOTP_DIGITS): string => {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
};

/** The 30-second step a moment falls in (RFC 6238's T, with T0 = 0). */
export const totpStep = (unixMs: number): number => Math.floor(unixMs / 1000 / TOTP_PERIOD_SECONDS);

export const totpAt = (key: Uint8Array, unixMs: number, digits = TOTP_DIGITS): string => hotp(key, totpStep(unixMs), digits);

const sameCode = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The step whose code `code` is, among the current one and `drift` steps either side (a phone's clock a little off);
 * undefined when none. Every candidate is compared, in constant time, so timing does not tell which was close.
 */
export const matchingStep = (key: Uint8Array, code: string, unixMs: number, drift = 1): number | undefined => {
  const now = totpStep(unixMs);
  let found: number | undefined;
  for (let step = now - drift; step <= now + drift; step += 1) {
    if (sameCode(hotp(key, step), code) && found === undefined) found = step;
  }
  return found;
};

/** A new shared secret: 160 random bits (RFC 4226's recommended length for SHA-1), in base32 for the apps. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));

/** The `otpauth://` address authenticator apps read from the QR code (Key Uri Format). */
export const otpauthUri = (issuer: string, account: string, secret: string): string => {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
};
