import { describe, expect, it } from 'vitest';
import { contentMatchesType, mediaRuleFor } from './media-policy.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('media policy', () => {
  it('accepts the types citizens send, within their sizes', () => {
    expect(mediaRuleFor('image/jpeg')).toMatchObject({ ok: true, extension: '.jpg' });
    expect(mediaRuleFor('audio/ogg; codecs=opus')).toMatchObject({ ok: true, extension: '.ogg' });
    expect(mediaRuleFor('text/html')).toMatchObject({ ok: false });
  });

  it('believes the declared type only when the first bytes agree', () => {
    expect(contentMatchesType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg')).toBe(true);
    expect(contentMatchesType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png')).toBe(true);
    expect(contentMatchesType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp')).toBe(true);
    expect(contentMatchesType(bytes('%PDF-1.7'), 'application/pdf')).toBe(true);
    expect(contentMatchesType(bytes([0, 0, 0, 0x18], 'ftypmp42'), 'video/mp4')).toBe(true);
    expect(contentMatchesType(bytes('OggS', [0]), 'audio/ogg; codecs=opus')).toBe(true);
    expect(contentMatchesType(bytes('ID3', [4, 0]), 'audio/mpeg')).toBe(true);
    expect(contentMatchesType(bytes('#!AMR\n'), 'audio/amr')).toBe(true);
    // An HTML page or a script dressed as a photo or a document.
    expect(contentMatchesType(bytes('<!doctype html><script>'), 'image/jpeg')).toBe(false);
    expect(contentMatchesType(bytes('<svg onload=alert(1)>'), 'image/png')).toBe(false);
    expect(contentMatchesType(bytes('MZ'), 'application/pdf')).toBe(false);
    expect(contentMatchesType(bytes(), 'image/jpeg')).toBe(false);
    expect(contentMatchesType(bytes('%PDF-1.7'), 'text/plain')).toBe(false);
  });
});
