import { createHmac, timingSafeEqual } from 'node:crypto';

export const sign = (appSecret: string, rawBody: Buffer | string): string =>
  `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;

/**
 * Checks `X-Hub-Signature-256` over the exact bytes Meta sent. Meta escapes non-ASCII as `\uXXXX` before
 * signing, so the body must never be re-serialised before this check.
 */
export const isValidSignature = (appSecret: string, rawBody: Buffer, header: string | undefined): boolean => {
  if (!header) return false;
  const [scheme, hex] = header.trim().split('=', 2);
  if (scheme !== 'sha256' || !hex || !/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const given = Buffer.from(hex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** Serialises like Meta: non-ASCII as lower-case `\uXXXX` (surrogate pairs for emoji), ASCII unchanged. */
export const serializeLikeMeta = (payload: unknown): string =>
  JSON.stringify(payload).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
