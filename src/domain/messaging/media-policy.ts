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
