import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * Ids shaped like Meta's: a wamid is `wamid.` + base64 of a small binary record holding the recipient's
 * number and a random hex key (what real ids decode to); media ids are long decimal strings.
 */
export const newWamid = (recipient: string): string => {
  const digits = recipient.replace(/\D/g, '').slice(0, 20) || '0';
  const key = randomBytes(10).toString('hex').toUpperCase();
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, digits.length]),
    Buffer.from(digits, 'ascii'),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, key.length]),
    Buffer.from(key, 'ascii'),
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
};

export const newMediaId = (): string => `${randomInt(1, 10)}${Array.from({ length: 15 }, () => randomInt(0, 10)).join('')}`;

export const newTraceId = (): string => `A${randomBytes(16).toString('base64url').slice(0, 22)}`;

/** A stable business-scoped user id (BSUID) for a phone number, e.g. `BR.1234…`. */
export const bsuidFor = (phone: string): string => {
  const hash = createHash('sha256').update(`bsuid:${phone}`).digest();
  return `BR.${hash.readBigUInt64BE(0).toString().padStart(20, '0')}`;
};

export const digitsOf = (text: string): string => text.replace(/\D/g, '');
