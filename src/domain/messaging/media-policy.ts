/** Which files citizens may send us and how large; anything else is refused and the citizen is told. */
const RULES: Array<{ pattern: RegExp; maxBytes: number; extension: (mime: string) => string }> = [
  { pattern: /^image\/(jpeg|png|webp)$/, maxBytes: 5 * 1024 * 1024, extension: (m) => `.${m.split('/')[1] === 'jpeg' ? 'jpg' : m.split('/')[1]}` },
  { pattern: /^audio\/(ogg|mpeg|mp4|aac|amr)/, maxBytes: 16 * 1024 * 1024, extension: (m) => `.${m.split('/')[1]?.split(';')[0]}` },
  { pattern: /^video\/(mp4|3gpp)$/, maxBytes: 16 * 1024 * 1024, extension: (m) => `.${m.split('/')[1]}` },
  { pattern: /^application\/pdf$/, maxBytes: 20 * 1024 * 1024, extension: () => '.pdf' },
];

export const MAX_MEDIA_BYTES = Math.max(...RULES.map((r) => r.maxBytes));

export type MediaVerdict = { ok: true; extension: string; maxBytes: number } | { ok: false; problem: string };

export const mediaRuleFor = (mimeType: string): MediaVerdict => {
  const base = mimeType.toLowerCase().trim();
  const rule = RULES.find((r) => r.pattern.test(base));
  if (!rule) return { ok: false, problem: `media type ${mimeType} is not accepted` };
  return { ok: true, extension: rule.extension(base), maxBytes: rule.maxBytes };
};

/** Meta gives sha256 as hex (media endpoint) or base64 (some webhooks); accept either form. */
export const sameDigest = (hex: string, declared: string): boolean => {
  const given = declared.trim();
  if (/^[0-9a-f]{64}$/i.test(given)) return given.toLowerCase() === hex;
  return Buffer.from(hex, 'hex').toString('base64') === given;
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The first bytes each accepted family of files starts with. */
const SIGNATURES: Array<{ pattern: RegExp; looksRight: (bytes: Uint8Array) => boolean }> = [
  { pattern: /^image\/jpeg/, looksRight: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { pattern: /^image\/png/, looksRight: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { pattern: /^image\/webp/, looksRight: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { pattern: /^application\/pdf/, looksRight: (b) => startsWith(b, ascii('%PDF-')) },
  { pattern: /^video\/(mp4|3gpp)|^audio\/mp4/, looksRight: (b) => startsWith(b, ascii('ftyp'), 4) },
  { pattern: /^audio\/ogg/, looksRight: (b) => startsWith(b, ascii('OggS')) },
  { pattern: /^audio\/amr/, looksRight: (b) => startsWith(b, ascii('#!AMR')) },
  // MP3 with an ID3 tag or a bare frame; AAC in ADTS frames.
  { pattern: /^audio\/(mpeg|aac)/, looksRight: (b) => startsWith(b, ascii('ID3')) || (b.length > 1 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
];

/**
 * Whether the bytes look like the type Meta declared: a file whose content says otherwise (an HTML page named
 * photo.jpg) is refused, so the console never serves it under a trusted type.
 */
export const contentMatchesType = (bytes: Uint8Array, mimeType: string): boolean => {
  const base = mimeType.toLowerCase().trim();
  const signature = SIGNATURES.find((s) => s.pattern.test(base));
  return signature ? signature.looksRight(bytes) : false;
};
