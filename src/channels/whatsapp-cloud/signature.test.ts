import { describe, expect, it } from 'vitest';
import { isValidSignature, serializeLikeMeta, sign } from './signature.js';

// The Meta-shaped test vector of WHATSAPP.md §2.2: non-ASCII escaped as \uXXXX before signing.
const SECRET = 'test-app-secret';
const BODY =
  '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Jos\\u00e9 P\\u00e9rez"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.TEST1","timestamp":"1749416383","type":"text","text":{"body":"Ol\\u00e1 \\ud83d\\udc4b"}}]},"field":"messages"}]}]}';
const HEADER = 'sha256=34411cd8b8d031fe4d16d549707f6bc9feec7f0c51b4d87e2c9293e3c17e5f6a';

describe('X-Hub-Signature-256', () => {
  it('verifies the published vector over the raw escaped bytes', () => {
    expect(Buffer.byteLength(BODY)).toBe(446);
    expect(isValidSignature(SECRET, Buffer.from(BODY), HEADER)).toBe(true);
  });

  it('does not match once the body is decoded and re-serialised as UTF-8', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY)));
    expect(reserialised.length).toBe(426);
    expect(isValidSignature(SECRET, reserialised, HEADER)).toBe(false);
    expect(sign(SECRET, reserialised)).toMatch(/^sha256=848dad5e/);
  });

  it('refuses missing, malformed, sha1 and wrong-secret signatures', () => {
    const raw = Buffer.from(BODY);
    expect(isValidSignature(SECRET, raw, undefined)).toBe(false);
    expect(isValidSignature(SECRET, raw, 'sha256=zz')).toBe(false);
    expect(isValidSignature(SECRET, raw, HEADER.replace('sha256', 'sha1'))).toBe(false);
    expect(isValidSignature('other-secret', raw, HEADER)).toBe(false);
  });

  it('serialises like Meta, so the simulator reproduces the vector', () => {
    const serialised = serializeLikeMeta(JSON.parse(BODY));
    expect(serialised).toBe(BODY);
    expect(sign(SECRET, serialised)).toBe(HEADER);
  });
});
